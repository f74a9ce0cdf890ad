namespace Switchboard.Domain.Routing;

/// <summary>A phone number Switchboard answers, bound to the scenario its calls run.</summary>
public sealed class InboundNumber
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>E.164 form, e.g. +14155550123; unique.</summary>
    public required string Number { get; set; }

    public string Label { get; set; } = "";

    public Guid ScenarioId { get; set; }
}
