namespace Switchboard.Domain.Acd;

/// <summary>
/// What an agent records after a call: a disposition (a result code from the call's queue's list, spelt as the queue
/// lists it) and notes; null when not given.
/// </summary>
public sealed record WrapUp(string? Disposition, string? Notes);
