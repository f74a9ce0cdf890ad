namespace Switchboard.Telephony.Calls.Core;

/// <summary>One leg a call placed, numbered from 1 within the call.</summary>
internal readonly record struct LegId(int Value);
