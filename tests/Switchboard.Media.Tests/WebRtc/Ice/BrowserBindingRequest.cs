using System.Security.Cryptography;
using System.Text;
using Switchboard.Media.WebRtc.Stun;

namespace Switchboard.Media.Tests.WebRtc.Ice;

/// <summary>A connectivity check the way Chrome sends one to an ICE-lite answerer.</summary>
internal static class BrowserBindingRequest
{
    /// <summary>GOOG-NETWORK-INFO: Chrome adds it; an agent must pass over attributes it does not know.</summary>
    private const StunAttributeType GoogNetworkInfo = (StunAttributeType)0xC057;

    public static byte[] Create(string username, string password, bool useCandidate = true, byte[]? transactionId = null)
    {
        var buffer = new byte[256];
        var writer = new StunMessageWriter(buffer, StunMessageType.BindingRequest, transactionId ?? RandomNumberGenerator.GetBytes(StunMessage.TransactionIdLength));
        writer.AddUsername(username);
        writer.AddAttribute(GoogNetworkInfo, [0x00, 0x01, 0x00, 0x0A]);
        writer.AddIceControlling(0x1122334455667788);
        if (useCandidate)
        {
            writer.AddUseCandidate();
        }

        writer.AddPriority(1853824767);
        writer.AddMessageIntegrity(Encoding.UTF8.GetBytes(password));
        writer.AddFingerprint();
        return buffer[..writer.Length];
    }
}
