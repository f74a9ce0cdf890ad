using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Domain.Tests.Routing.Interpreter;

/// <summary>Users' statuses as the ACD would answer: Ready unless listed.</summary>
public sealed class FakeUserReadiness : IUserReadiness
{
    public HashSet<Guid> NotReady { get; } = [];

    public bool IsReady(Guid userId) => !NotReady.Contains(userId);
}
