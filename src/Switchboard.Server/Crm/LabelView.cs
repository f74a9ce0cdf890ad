namespace Switchboard.Server.Crm;

/// <summary>A label contacts can be marked with.</summary>
public sealed record LabelView(Guid Id, string Name);
