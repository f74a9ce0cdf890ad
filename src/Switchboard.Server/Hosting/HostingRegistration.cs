using Switchboard.Server.Configuration;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Switchboard.Data;
using Switchboard.Server.Api;

namespace Switchboard.Server.Hosting;

/// <summary>The host itself: settings, storage and its preparation, JSON, errors as problems, OpenAPI, health.</summary>
public static class HostingRegistration
{
    public static WebApplicationBuilder AddSwitchboardHost(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<SwitchboardOptions>()
            .Bind(builder.Configuration.GetSection(SwitchboardOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SwitchboardOptions>, SwitchboardOptionsValidator>();

        var settings = builder.Configuration.GetSection(SwitchboardOptions.Section).Get<SwitchboardOptions>() ?? new SwitchboardOptions();
        services.AddSwitchboardStorage(new StorageOptions
        {
            DataDirectory = Path.GetFullPath(settings.DataDirectory),
            PostgresConnectionString = builder.Configuration.GetConnectionString("Postgres"),
        });
        services.AddSwitchboardConfiguration();
        services.AddScoped<FirstAdminAccount>();
        services.AddScoped<DemoSwitchboard>();
        services.AddHostedService<StartupTasks>();

        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // Hand-written clients may put a scenario action's "type" anywhere in the object.
            options.SerializerOptions.AllowOutOfOrderMetadataProperties = true;
            options.SerializerOptions.TypeInfoResolver = options.SerializerOptions.TypeInfoResolver?.WithAddedModifier(TypeDiscriminatorRequirement.Apply);
        });

        services.AddProblemDetails(options => options.CustomizeProblemDetails = UnreadableBody.DescribeUnsupportedMediaType);
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Unreadable bodies become exceptions so that BadRequestExceptionHandler can say what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        services.AddOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    /// <summary>Errors as problem details: first in the pipeline so that it catches everything after it.</summary>
    public static WebApplication UseSwitchboardHost(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A client's unreadable request is its mistake, not a server error worth an error log.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        return app;
    }

    public static WebApplication MapSwitchboardHost(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapHealthEndpoint();
        return app;
    }
}
