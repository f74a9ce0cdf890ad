using System.Diagnostics.CodeAnalysis;

namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>
/// What routing knows of a call, as named values that travel with it to the agent. Names are case-sensitive;
/// setting a name again replaces its value in place. The run writes while the agent side may read, hence the lock.
/// </summary>
public sealed class CallVariables : IReadOnlyCallVariables
{
    private const string ExtensionHeaderPrefix = "X-";

    private readonly Lock _lock = new();
    private readonly List<CallVariable> _ordered = [];
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);

    /// <summary>The variables a call starts with: dialled and caller number, caller name, and the INVITE's X- headers.</summary>
    public static CallVariables ForIncomingCall(IncomingCall call)
    {
        var variables = new CallVariables();
        variables.Set(CallVariableNames.DialledNumber, call.DialledNumber);
        if (call.CallerNumber is { } callerNumber)
            variables.Set(CallVariableNames.CallerNumber, callerNumber);
        if (!string.IsNullOrEmpty(call.CallerName))
            variables.Set(CallVariableNames.CallerName, call.CallerName);

        // Other headers (Authorization, Via...) are signalling, not something to show an agent.
        foreach (var (name, value) in call.InviteHeaders)
        {
            if (name.StartsWith(ExtensionHeaderPrefix, StringComparison.OrdinalIgnoreCase))
                variables.Set(name, value);
        }

        return variables;
    }

    public void Set(string name, string value)
    {
        lock (_lock)
        {
            var variable = new CallVariable(name, value);
            if (_positions.TryGetValue(name, out var position))
                _ordered[position] = variable;
            else
            {
                _positions.Add(name, _ordered.Count);
                _ordered.Add(variable);
            }
        }
    }

    public bool TryGetValue(string name, [MaybeNullWhen(false)] out string value)
    {
        lock (_lock)
        {
            if (_positions.TryGetValue(name, out var position))
            {
                value = _ordered[position].Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public IReadOnlyList<CallVariable> Snapshot()
    {
        lock (_lock)
            return [.. _ordered];
    }
}
