using System.Text.Json.Serialization;

namespace Switchboard.Domain.Routing;

/// <summary>What a condition does when it holds.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ContinueOutcome), "continue")]
[JsonDerivedType(typeof(SkipToOutcome), "skipTo")]
[JsonDerivedType(typeof(GoToScenarioOutcome), "goToScenario")]
[JsonDerivedType(typeof(ForwardOutcome), "forward")]
[JsonDerivedType(typeof(HangupOutcome), "hangup")]
public abstract record ConditionOutcome;

/// <summary>Carries on with the next action.</summary>
public sealed record ContinueOutcome : ConditionOutcome;

/// <summary>Skips ahead to the action at (zero-based) <see cref="ActionIndex"/>, which must come later.</summary>
public sealed record SkipToOutcome(int ActionIndex) : ConditionOutcome;

/// <summary>Leaves this scenario and runs another from its start.</summary>
public sealed record GoToScenarioOutcome(Guid ScenarioId) : ConditionOutcome;

/// <summary>Forwards the call to an E.164 number or a SIP URI.</summary>
public sealed record ForwardOutcome(string Destination) : ConditionOutcome;

/// <summary>Hangs the call up.</summary>
public sealed record HangupOutcome : ConditionOutcome;
