using System.Text.Json.Serialization;

namespace Switchboard.Domain.Routing;

/// <summary>One step of a scenario. Serialised as JSON with a <c>type</c> discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PlaySoundAction), "playSound")]
[JsonDerivedType(typeof(QueueAction), "queue")]
[JsonDerivedType(typeof(CallUserAction), "callUser")]
[JsonDerivedType(typeof(ForwardAction), "forward")]
[JsonDerivedType(typeof(ConditionAction), "condition")]
[JsonDerivedType(typeof(SetVariableAction), "setVariable")]
[JsonDerivedType(typeof(AnswerAction), "answer")]
[JsonDerivedType(typeof(HangupAction), "hangup")]
public abstract record ScenarioAction;

/// <summary>Plays a sound to the caller <see cref="Repeat"/> times, then continues.</summary>
public sealed record PlaySoundAction(Guid SoundId, int Repeat = 1) : ScenarioAction;

/// <summary>
/// Sends the call to a distribution queue. Answered by an agent, the call leaves the scenario; when the wait
/// exceeds <see cref="MaxWaitSeconds"/> (or the queue's own) or the queue refuses it, the call falls through.
/// </summary>
public sealed record QueueAction(Guid QueueId, int Priority = 0, int? MaxWaitSeconds = null) : ScenarioAction;

/// <summary>
/// Rings one user; answered, the call leaves the scenario; no answer or refusal falls through. Only a user whose status
/// is Ready is rung, unless <see cref="RingWhenNotReady"/> (a user not Ready falls through at once).
/// </summary>
public sealed record CallUserAction(Guid UserId, int RingSeconds = 30, bool RingWhenNotReady = false) : ScenarioAction;

/// <summary>Forwards the call to an E.164 number (through a trunk) or a SIP URI. Ends the scenario.</summary>
public sealed record ForwardAction(string Destination) : ScenarioAction;

/// <summary>When <see cref="When"/> holds, does <see cref="Then"/>; otherwise continues with the next action.</summary>
public sealed record ConditionAction(ScenarioCondition When, ConditionOutcome Then) : ScenarioAction;

/// <summary>Sets a call variable that travels with the call to the agent.</summary>
public sealed record SetVariableAction(string Name, string Value) : ScenarioAction;

/// <summary>
/// Answers the caller (a 200 OK, nothing played), unless an earlier action already did, then continues; followed by a
/// hang-up, the call is answered and ended with a BYE.
/// </summary>
public sealed record AnswerAction : ScenarioAction;

/// <summary>Hangs the call up. Ends the scenario.</summary>
public sealed record HangupAction : ScenarioAction;
