using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Switchboard.Media.WebRtc.Interop;

namespace Switchboard.Media.WebRtc.Dtls;

/// <summary>
/// An OpenSSL DTLS context: our certificate and key, the SRTP profile, and the settings every
/// association of one role shares. Create one per role at start and one <see cref="DtlsTransport"/>
/// per call from it.
/// </summary>
public sealed unsafe class DtlsContext : IDisposable
{
    /// <summary>The only profile browsers and we agree on without AEAD (RFC 5764 §4.1.2).</summary>
    private const string SrtpProfile = "SRTP_AES128_CM_SHA1_80";

    private DtlsContext(SslContextHandle handle, DtlsRole role, DtlsCertificate certificate)
    {
        Handle = handle;
        Role = role;
        Certificate = certificate;
    }

    public DtlsRole Role { get; }

    public DtlsCertificate Certificate { get; }

    internal SslContextHandle Handle { get; }

    /// <summary>A context for <paramref name="role"/> presenting <paramref name="certificate"/>.</summary>
    /// <exception cref="DllNotFoundException">libssl.so.3 is not installed.</exception>
    public static DtlsContext Create(DtlsCertificate certificate, DtlsRole role)
    {
        NativeLibraries.RequireOpenSsl();
        LibCrypto.ERR_clear_error();
        var handle = LibSsl.SSL_CTX_new(role == DtlsRole.Server ? LibSsl.DTLS_server_method() : LibSsl.DTLS_client_method());
        if (handle.IsInvalid)
        {
            throw Failure("SSL_CTX_new");
        }

        try
        {
            Configure(handle, certificate);
            return new DtlsContext(handle, role, certificate);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The context a process answers every browser with: server role (we answer a=setup:passive) and a
    /// new certificate, whose <see cref="DtlsCertificate.Fingerprint"/> goes in every answer. Create it once at start.
    /// </summary>
    public static DtlsContext CreateForAnswering(TimeProvider time) => Create(DtlsCertificate.Generate(time), DtlsRole.Server);

    public void Dispose() => Handle.Dispose();

    private static void Configure(SslContextHandle handle, DtlsCertificate certificate)
    {
        using (var x509 = DecodeCertificate(certificate.Der))
        using (var key = DecodePrivateKey(certificate.PrivateKeyPkcs8))
        {
            // The context takes its own references, so ours may go.
            Require(LibSsl.SSL_CTX_use_certificate(handle, x509) == 1, "SSL_CTX_use_certificate");
            Require(LibSsl.SSL_CTX_use_PrivateKey(handle, key) == 1, "SSL_CTX_use_PrivateKey");
            Require(LibSsl.SSL_CTX_check_private_key(handle) == 1, "SSL_CTX_check_private_key");
        }

        Require(LibSsl.SSL_CTX_ctrl(handle, LibSsl.ControlSetMinimumProtocolVersion, new CLong(LibSsl.Dtls12Version), 0).Value == 1, "DTLS 1.2 minimum");
        Require(LibSsl.SSL_CTX_set_tlsext_use_srtp(handle, SrtpProfile) == 0, "SSL_CTX_set_tlsext_use_srtp");

        // The MTU is ours to set (a memory BIO cannot be asked); without tickets and a session cache
        // every handshake carries the peer's certificate, which is what the fingerprint check needs.
        LibSsl.SSL_CTX_set_options(handle, LibSsl.OptionNoQueryMtu | LibSsl.OptionNoTicket);
        LibSsl.SSL_CTX_ctrl(handle, LibSsl.ControlSetSessionCacheMode, new CLong(LibSsl.SessionCacheOff), 0);
        LibSsl.SSL_CTX_set_verify(handle, LibSsl.VerifyPeer | LibSsl.VerifyFailIfNoPeerCertificate, &VerifyPeerCertificate);
    }

    /// <summary>
    /// OpenSSL's verdict on a self-signed certificate is not ours to take: the peer's certificate is
    /// accepted when it matches the fingerprint of its SDP, which its <see cref="DtlsTransport"/> checks.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int VerifyPeerCertificate(int preverified, nint storeContext)
    {
        try
        {
            // Only the end-entity certificate is bound by the fingerprint; a chain above it changes nothing.
            if (LibCrypto.X509_STORE_CTX_get_error_depth(storeContext) != 0)
            {
                return 1;
            }

            var ssl = LibCrypto.X509_STORE_CTX_get_ex_data(storeContext, LibSsl.SSL_get_ex_data_X509_STORE_CTX_idx());
            var transport = DtlsTransport.FromSsl(ssl);
            return transport is not null && transport.AcceptsPeerCertificate(LibCrypto.X509_STORE_CTX_get_current_cert(storeContext)) ? 1 : 0;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An exception must not cross back into OpenSSL, and no logger reaches a static callback; refusing is the
            // safe answer, and it is not silent: the handshake fails ("certificate verify failed"), which the leg reports.
            return 0;
        }
    }

    private static X509Handle DecodeCertificate(ReadOnlySpan<byte> der)
    {
        fixed (byte* start = der)
        {
            var cursor = start;
            var x509 = LibCrypto.d2i_X509(0, &cursor, new CLong(der.Length));
            return x509.IsInvalid ? throw Failure("d2i_X509") : x509;
        }
    }

    private static EvpPkeyHandle DecodePrivateKey(ReadOnlySpan<byte> pkcs8)
    {
        fixed (byte* start = pkcs8)
        {
            var cursor = start;
            var key = LibCrypto.d2i_AutoPrivateKey(0, &cursor, new CLong(pkcs8.Length));
            return key.IsInvalid ? throw Failure("d2i_AutoPrivateKey") : key;
        }
    }

    private static void Require(bool succeeded, string step)
    {
        if (!succeeded)
        {
            throw Failure(step);
        }
    }

    private static InvalidOperationException Failure(string step) => new($"OpenSSL refused {step}: {LibCrypto.TakeErrors()}");
}
