using Switchboard.Media.WebRtc.Dtls;
using Switchboard.Media.WebRtc.Srtp;

namespace Switchboard.Media.Tests.WebRtc.Srtp;

public class SrtpKeyingMaterialTests
{
    private static readonly byte[] Exported = Enumerable.Range(0, SrtpKeyingMaterial.Length).Select(i => (byte)i).ToArray();

    [Fact]
    public void Exported_bytes_split_as_client_key_server_key_client_salt_server_salt()
    {
        var keys = new SrtpKeyingMaterial(Exported);

        Assert.Equal(Exported[0..16], keys.Client.Key.ToArray());
        Assert.Equal(Exported[16..32], keys.Server.Key.ToArray());
        Assert.Equal(Exported[32..46], keys.Client.Salt.ToArray());
        Assert.Equal(Exported[46..60], keys.Server.Salt.ToArray());
    }

    [Fact]
    public void Each_side_sends_with_its_own_role_and_receives_with_the_other()
    {
        var keys = new SrtpKeyingMaterial(Exported);

        Assert.Same(keys.Server, keys.ForSending(DtlsRole.Server));
        Assert.Same(keys.Client, keys.ForReceiving(DtlsRole.Server));
        Assert.Same(keys.Client, keys.ForSending(DtlsRole.Client));
        Assert.Same(keys.Server, keys.ForReceiving(DtlsRole.Client));
    }
}
