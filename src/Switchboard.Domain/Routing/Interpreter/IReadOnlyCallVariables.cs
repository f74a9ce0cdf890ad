using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>A call's variables as the agent side sees them: names are case-sensitive and keep their order.</summary>
public interface IReadOnlyCallVariables
{
    bool TryGetValue(string name, [MaybeNullWhen(false)] out string value);

    /// <summary>Every variable at this moment, in the order each was first set.</summary>
    IReadOnlyList<CallVariable> Snapshot();
}
