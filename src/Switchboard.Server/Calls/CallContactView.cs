namespace Switchboard.Server.Calls;

/// <summary>A contact whose timeline holds the call; its page is <c>/crm/contacts/{Id}</c>.</summary>
public sealed record CallContactView(Guid Id, string Name);
