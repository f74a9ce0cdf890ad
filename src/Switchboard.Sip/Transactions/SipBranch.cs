using System.Security.Cryptography;
using System.Text;
using Switchboard.Sip.Headers;

namespace Switchboard.Sip.Transactions;

/// <summary>Via branch parameters (RFC 3261 §8.1.1.7): the magic cookie, then a value unique to the sender and request.</summary>
public static class SipBranch
{
    public const string MagicCookie = "z9hG4bK";

    /// <summary>
    /// A prefix for every branch one endpoint creates, so that a request coming back with one of them in a Via is
    /// recognised as having looped (RFC 3261 §8.2.2.2, §16.3).
    /// </summary>
    public static string CreatePrefix() => MagicCookie + "-sb" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + "-";

    public static string Create(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public static bool IsRfc3261(ReadOnlySpan<byte> branch) => branch.StartsWith("z9hG4bK"u8);

    /// <summary>Whether any Via of the message carries a branch made with <paramref name="prefix"/>.</summary>
    public static bool HasBranchWithPrefix(SipMessage message, string prefix)
    {
        if (!message.TryGetVias(out var vias))
            return false;
        var prefixBytes = Encoding.ASCII.GetBytes(prefix);
        foreach (var via in vias)
        {
            if (via.Branch.Span.StartsWith(prefixBytes))
                return true;
        }
        return false;
    }
}
