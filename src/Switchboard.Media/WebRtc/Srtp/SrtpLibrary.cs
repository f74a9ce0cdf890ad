using Switchboard.Media.WebRtc.Interop;

namespace Switchboard.Media.WebRtc.Srtp;

/// <summary>libsrtp2's process-wide state: srtp_init exactly once, before the first session.</summary>
internal static unsafe class SrtpLibrary
{
    private static readonly Lazy<bool> Initialized = new(Initialize);

    /// <summary>A libsrtp session for every stream of one direction, keyed with <paramref name="masterKey"/>.</summary>
    public static SrtpSessionHandle CreateSession(SrtpMasterKey masterKey, LibSrtp.SsrcType direction)
    {
        _ = Initialized.Value;
        var policy = new LibSrtp.SrtpPolicy { SsrcType = direction };
        LibSrtp.srtp_crypto_policy_set_rtp_default(&policy.Rtp);
        LibSrtp.srtp_crypto_policy_set_rtcp_default(&policy.Rtcp);

        // libsrtp derives the session keys inside srtp_create, so the copy may be wiped right after.
        Span<byte> keyAndSalt = stackalloc byte[SrtpMasterKey.KeyLength + SrtpMasterKey.SaltLength];
        masterKey.KeyAndSalt.CopyTo(keyAndSalt);
        try
        {
            fixed (byte* key = keyAndSalt)
            {
                policy.Key = key;
                var status = LibSrtp.srtp_create(out var session, &policy);
                if (status != SrtpErrorStatus.Ok)
                {
                    session.Dispose();
                    throw new InvalidOperationException($"libsrtp2 could not create a session: srtp_create returned {status}");
                }

                return session;
            }
        }
        finally
        {
            keyAndSalt.Clear();
        }
    }

    public static SrtpStatus ToStatus(SrtpErrorStatus status) => status switch
    {
        SrtpErrorStatus.Ok => SrtpStatus.Ok,
        SrtpErrorStatus.AuthenticationFailed => SrtpStatus.AuthenticationFailed,
        SrtpErrorStatus.ReplayFailed or SrtpErrorStatus.ReplayTooOld => SrtpStatus.Replayed,
        SrtpErrorStatus.BadParameter or SrtpErrorStatus.ParseError => SrtpStatus.Malformed,
        _ => SrtpStatus.Failed,
    };

    private static bool Initialize()
    {
        NativeLibraries.RequireLibSrtp();
        var status = LibSrtp.srtp_init();
        return status == SrtpErrorStatus.Ok
            ? true
            : throw new InvalidOperationException($"libsrtp2 failed to initialise: srtp_init returned {status}");
    }
}
