namespace Switchboard.Server.Workspace;

/// <summary>What a wrap-up of a queue's call offers: the queue's dispositions in their order, and whether one is required.</summary>
public sealed record WrapUpChoicesView(string QueueName, IReadOnlyList<string> Dispositions, bool DispositionRequired);
