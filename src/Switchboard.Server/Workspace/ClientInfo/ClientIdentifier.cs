namespace Switchboard.Server.Workspace.ClientInfo;

/// <summary>
/// What the client of a conversation is recognised by: the caller's number for a call, the channel identifier for a
/// chat.
/// </summary>
public abstract record ClientIdentifier;

/// <summary>The caller's number as it arrived (not necessarily a phone number: it may be a SIP user name).</summary>
public sealed record CallerNumberIdentifier(string Number) : ClientIdentifier;

/// <summary>Who the client is on a messaging channel, e.g. "webchat" and a visitor id.</summary>
public sealed record ChannelIdentifier(string Channel, string Identifier) : ClientIdentifier;
