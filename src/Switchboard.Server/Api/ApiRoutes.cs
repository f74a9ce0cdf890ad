namespace Switchboard.Server.Api;

/// <summary>The REST API under /api/v1: each area maps its own group here.</summary>
public static class ApiRoutes
{
    public static WebApplication MapSwitchboardApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        api.MapAuthApi();
        api.MapUserApi();
        api.MapSoundApi();
        api.MapQueueApi();
        api.MapScenarioApi();
        api.MapNumberApi();
        api.MapTrunkApi();
        api.MapAgentApi();
        api.MapLiveQueueApi();
        api.MapQueueEventApi();
        api.MapEventStreamApi();
        api.MapContactApi();
        api.MapWorkspaceApi();
        api.MapClientInfoApi();
        api.MapCallApi();
        return app;
    }
}
