using System.Runtime.InteropServices;

namespace Switchboard.Media.WebRtc.Interop;

/// <summary>
/// The libssl (OpenSSL 3) calls of a DTLS-SRTP association. Several documented names are macros over
/// SSL_ctrl / SSL_CTX_ctrl; their command numbers are the constants below, from ssl.h.
/// </summary>
internal static unsafe partial class LibSsl
{
    public const string Library = "libssl.so.3";

    public const int VerifyPeer = 0x01;
    public const int VerifyFailIfNoPeerCertificate = 0x02;

    public const ulong OptionNoQueryMtu = 1UL << 12;
    public const ulong OptionNoTicket = 1UL << 14;

    public const int ControlSetMtu = 17;
    public const int ControlSetSessionCacheMode = 44;
    public const int ControlGetTimeout = 73;
    public const int ControlHandleTimeout = 74;
    public const int ControlSetMinimumProtocolVersion = 123;

    public const int SessionCacheOff = 0;
    public const int Dtls12Version = 0xFEFD;

    public const int ErrorWantRead = 2;
    public const int ErrorWantWrite = 3;

    /// <summary>SSL_get_app_data / SSL_set_app_data use extra-data slot 0.</summary>
    public const int AppDataIndex = 0;

    /// <summary>SRTP_AES128_CM_SHA1_80 from srtp.h.</summary>
    public const ulong SrtpAes128CmSha1_80 = 0x0001;

    [LibraryImport(Library, EntryPoint = "DTLS_server_method")]
    public static partial nint DTLS_server_method();

    [LibraryImport(Library, EntryPoint = "DTLS_client_method")]
    public static partial nint DTLS_client_method();

    [LibraryImport(Library, EntryPoint = "SSL_CTX_new")]
    public static partial SslContextHandle SSL_CTX_new(nint method);

    [LibraryImport(Library, EntryPoint = "SSL_CTX_free")]
    public static partial void SSL_CTX_free(nint context);

    [LibraryImport(Library, EntryPoint = "SSL_CTX_use_certificate")]
    public static partial int SSL_CTX_use_certificate(SslContextHandle context, X509Handle certificate);

    [LibraryImport(Library, EntryPoint = "SSL_CTX_use_PrivateKey")]
    public static partial int SSL_CTX_use_PrivateKey(SslContextHandle context, EvpPkeyHandle key);

    [LibraryImport(Library, EntryPoint = "SSL_CTX_check_private_key")]
    public static partial int SSL_CTX_check_private_key(SslContextHandle context);

    [LibraryImport(Library, EntryPoint = "SSL_CTX_set_verify")]
    public static partial void SSL_CTX_set_verify(SslContextHandle context, int mode, delegate* unmanaged[Cdecl]<int, nint, int> callback);

    /// <summary>Unlike most of OpenSSL, returns 0 on success.</summary>
    [LibraryImport(Library, EntryPoint = "SSL_CTX_set_tlsext_use_srtp", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SSL_CTX_set_tlsext_use_srtp(SslContextHandle context, string profiles);

    [LibraryImport(Library, EntryPoint = "SSL_CTX_set_options")]
    public static partial ulong SSL_CTX_set_options(SslContextHandle context, ulong options);

    [LibraryImport(Library, EntryPoint = "SSL_CTX_ctrl")]
    public static partial CLong SSL_CTX_ctrl(SslContextHandle context, int command, CLong larg, nint parg);

    [LibraryImport(Library, EntryPoint = "SSL_new")]
    public static partial SslHandle SSL_new(SslContextHandle context);

    [LibraryImport(Library, EntryPoint = "SSL_free")]
    public static partial void SSL_free(nint ssl);

    /// <summary>Takes over one reference to each BIO.</summary>
    [LibraryImport(Library, EntryPoint = "SSL_set_bio")]
    public static partial void SSL_set_bio(SslHandle ssl, BioHandle readBio, BioHandle writeBio);

    [LibraryImport(Library, EntryPoint = "SSL_set_accept_state")]
    public static partial void SSL_set_accept_state(SslHandle ssl);

    [LibraryImport(Library, EntryPoint = "SSL_set_connect_state")]
    public static partial void SSL_set_connect_state(SslHandle ssl);

    [LibraryImport(Library, EntryPoint = "SSL_do_handshake")]
    public static partial int SSL_do_handshake(SslHandle ssl);

    [LibraryImport(Library, EntryPoint = "SSL_get_error")]
    public static partial int SSL_get_error(SslHandle ssl, int result);

    [LibraryImport(Library, EntryPoint = "SSL_read")]
    public static partial int SSL_read(SslHandle ssl, byte* buffer, int length);

    [LibraryImport(Library, EntryPoint = "SSL_shutdown")]
    public static partial int SSL_shutdown(SslHandle ssl);

    [LibraryImport(Library, EntryPoint = "SSL_ctrl")]
    public static partial CLong SSL_ctrl(SslHandle ssl, int command, CLong larg, nint parg);

    [LibraryImport(Library, EntryPoint = "SSL_set_ex_data")]
    public static partial int SSL_set_ex_data(SslHandle ssl, int index, nint data);

    [LibraryImport(Library, EntryPoint = "SSL_get_ex_data")]
    public static partial nint SSL_get_ex_data(nint ssl, int index);

    [LibraryImport(Library, EntryPoint = "SSL_get_ex_data_X509_STORE_CTX_idx")]
    public static partial int SSL_get_ex_data_X509_STORE_CTX_idx();

    [LibraryImport(Library, EntryPoint = "SSL_get_selected_srtp_profile")]
    public static partial SrtpProtectionProfile* SSL_get_selected_srtp_profile(SslHandle ssl);

    [LibraryImport(Library, EntryPoint = "SSL_export_keying_material")]
    public static partial int SSL_export_keying_material(
        SslHandle ssl, byte* output, nuint outputLength, byte* label, nuint labelLength, byte* context, nuint contextLength, int useContext);

    /// <summary>SRTP_PROTECTION_PROFILE from ssl.h.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SrtpProtectionProfile
    {
        public nint Name;
        public CULong Id;
    }

    /// <summary>struct timeval, as DTLSv1_get_timeout fills it.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TimeValue
    {
        public CLong Seconds;
        public CLong Microseconds;
    }
}
