namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>The names of the call variables routing sets itself.</summary>
public static class CallVariableNames
{
    public const string DialledNumber = "dialledNumber";
    public const string CallerNumber = "callerNumber";
    public const string CallerName = "callerName";
    public const string ScenarioName = "scenarioName";
    public const string QueueName = "queueName";
    public const string QueueWaitSeconds = "queueWaitSeconds";
}
