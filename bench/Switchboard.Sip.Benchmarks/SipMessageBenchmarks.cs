using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Switchboard.Sip.Benchmarks;

/// <summary>
/// The work one request costs the SIP layer without the network: parsing an INVITE as a trunk sends it (with its SDP),
/// building the 200 OK that answers it, and writing that response into a reused buffer.
/// </summary>
[MemoryDiagnoser]
public class SipMessageBenchmarks
{
    private readonly ArrayBufferWriter<byte> _output = new(2048);
    private byte[] _invite = [];
    private SipRequest _request = null!;
    private SipResponse _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        _invite = Encoding.ASCII.GetBytes(SampleMessages.Invite);
        _request = (SipRequest)Parse(_invite);
        _response = SipResponseBuilder.CreateResponse(_request, 200, "as83kd9bz"u8);
    }

    [Benchmark]
    public SipMessage ParseInvite() => Parse(_invite);

    [Benchmark]
    public SipResponse CreateResponse() => SipResponseBuilder.CreateResponse(_request, 200, "as83kd9bz"u8);

    [Benchmark]
    public int WriteResponse()
    {
        _output.ResetWrittenCount();
        SipMessageWriter.Write(_response, _output);
        return _output.WrittenCount;
    }

    private static SipMessage Parse(byte[] data) =>
        SipMessageParser.TryParse(data, out var message, out var error) ? message : throw new InvalidOperationException(error.ToString());
}
