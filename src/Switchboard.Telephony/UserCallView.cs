namespace Switchboard.Telephony;

/// <summary>
/// A user's part in a live call, as their workspace shows it again after the page reloaded: the call ringing them
/// or the conversation they are in.
/// </summary>
public sealed record UserCallView(LiveCallView Call, UserCallPart Part);
