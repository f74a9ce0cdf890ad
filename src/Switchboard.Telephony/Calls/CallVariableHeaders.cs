using System.Globalization;
using System.Text;
using Switchboard.Domain.Routing.Interpreter;
using Switchboard.Sip;

namespace Switchboard.Telephony.Calls;

/// <summary>
/// A call's variables on the INVITE that rings a user's or agent's device, so that the device can show or log them:
/// <c>X-Switchboard-Call-Id</c>, then each variable as <c>X-Switchboard-Var-&lt;name&gt;</c>, except the inbound INVITE's
/// own <c>X-</c> headers, which pass on under their names. Forward targets never get them: they are outside parties.
/// </summary>
internal static class CallVariableHeaders
{
    public const string CallIdHeader = "X-Switchboard-Call-Id";
    public const string VariablePrefix = "X-Switchboard-Var-";

    /// <summary>Enough for an id, a tier or a short note; many long values would push the INVITE past a UDP datagram.</summary>
    public const int MaxValueLength = 256;

    private const string ExtensionPrefix = "X-";
    private const string OwnPrefix = "X-Switchboard-";

    public static void Add(SipRequest invite, Guid callId, IReadOnlyCallVariables variables)
    {
        invite.Headers.Add(CallIdHeader, callId.ToString("D", CultureInfo.InvariantCulture));
        foreach (var variable in variables.Snapshot())
        {
            if (HeaderNameOf(variable.Name) is { } name)
                invite.Headers.Add(name, HeaderValueOf(variable.Value));
        }
    }

    /// <summary>
    /// The header a variable travels as; null for an inbound header that names itself as ours, which a caller could
    /// otherwise use to pass off its own call id or variables.
    /// </summary>
    public static string? HeaderNameOf(string variableName)
    {
        if (variableName.StartsWith(OwnPrefix, StringComparison.OrdinalIgnoreCase))
            return null;
        return variableName.StartsWith(ExtensionPrefix, StringComparison.OrdinalIgnoreCase) ? variableName : VariablePrefix + variableName;
    }

    /// <summary>One line of at most <see cref="MaxValueLength"/> characters: line breaks and other controls would end the header.</summary>
    public static string HeaderValueOf(string value)
    {
        var line = new StringBuilder(Math.Min(value.Length, MaxValueLength));
        foreach (var character in value)
        {
            if (line.Length == MaxValueLength)
                break;
            line.Append(char.IsControl(character) ? ' ' : character);
        }

        // A cut between the two halves of a surrogate pair would leave invalid UTF-16, so the half goes too.
        if (line.Length > 0 && char.IsHighSurrogate(line[^1]))
            line.Length--;
        return line.ToString().Trim();
    }
}
