namespace Switchboard.Telephony.Calls.Core;

/// <summary>A request the scenario or a user's workspace made of the call, numbered within the call; its answer names it.</summary>
internal readonly record struct RequestId(int Value);
