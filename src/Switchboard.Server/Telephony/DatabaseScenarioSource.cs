using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Routing;
using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Server.Telephony;

/// <summary>Scenarios as saved now, for a call's go-to; read from storage only when a call takes one.</summary>
public sealed class DatabaseScenarioSource(IDbContextFactory<SwitchboardDbContext> contexts) : IScenarioSource
{
    // The port is synchronous (the interpreter looks up between actions); a go-to is rare enough for one blocking read.
    public Scenario? Find(Guid scenarioId)
    {
        using var db = contexts.CreateDbContext();
        return db.Scenarios.AsNoTracking().FirstOrDefault(scenario => scenario.Id == scenarioId);
    }
}
