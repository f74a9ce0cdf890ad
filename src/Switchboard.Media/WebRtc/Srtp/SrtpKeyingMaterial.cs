using Switchboard.Media.WebRtc.Dtls;

namespace Switchboard.Media.WebRtc.Srtp;

/// <summary>
/// The 60 bytes a DTLS-SRTP handshake exports under "EXTRACTOR-dtls_srtp" (RFC 5764 §4.2), laid out as
/// client key 16, server key 16, client salt 14, server salt 14. Each side protects what it sends
/// with its own role's key and salt.
/// </summary>
public sealed class SrtpKeyingMaterial
{
    public const int Length = 2 * (SrtpMasterKey.KeyLength + SrtpMasterKey.SaltLength);

    public SrtpKeyingMaterial(ReadOnlySpan<byte> exported)
    {
        if (exported.Length != Length)
        {
            throw new ArgumentException($"DTLS-SRTP keying material for AES_CM_128_HMAC_SHA1_80 is {Length} bytes", nameof(exported));
        }

        const int keys = 2 * SrtpMasterKey.KeyLength;
        Client = new SrtpMasterKey(exported[..SrtpMasterKey.KeyLength], exported.Slice(keys, SrtpMasterKey.SaltLength));
        Server = new SrtpMasterKey(
            exported.Slice(SrtpMasterKey.KeyLength, SrtpMasterKey.KeyLength),
            exported.Slice(keys + SrtpMasterKey.SaltLength, SrtpMasterKey.SaltLength));
    }

    /// <summary>What the DTLS client protects with.</summary>
    public SrtpMasterKey Client { get; }

    /// <summary>What the DTLS server protects with.</summary>
    public SrtpMasterKey Server { get; }

    /// <summary>The key for what we send, given our role in the handshake.</summary>
    public SrtpMasterKey ForSending(DtlsRole ourRole) => ourRole == DtlsRole.Server ? Server : Client;

    /// <summary>The key for what the peer sends us.</summary>
    public SrtpMasterKey ForReceiving(DtlsRole ourRole) => ourRole == DtlsRole.Server ? Client : Server;
}
