using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Switchboard.Domain.Routing;
using Switchboard.Telephony.Tests.Infrastructure;
using Switchboard.Telephony.Tests.Peers;

namespace Switchboard.Telephony.Tests.EndToEnd;

/// <summary>
/// A call on its normal path throws nothing: exceptions (a cancellation used to stop a loop) cost the CPU a loaded
/// switchboard needs. Every exception the process throws while sipp makes a few calls is counted, caught or not.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class ExceptionsPerCallTests : IAsyncLifetime
{
    private const int Calls = 5;
    private readonly TelephonyServer _server = new();
    private readonly int _targetPort = FreePort.Find();

    public async Task InitializeAsync()
    {
        await _server.AddOutboundTrunkAsync($"127.0.0.1:{_targetPort}", "127.0.0.1/32");
        var sound = await _server.AddToneAsync("Short", TimeSpan.FromMilliseconds(200));
        await _server.AddNumberAsync("+12025550100", new AnswerAction(), new HangupAction());
        await _server.AddNumberAsync("+12025550101", new PlaySoundAction(sound), new HangupAction());
        await _server.AddNumberAsync("+12025550102", new ForwardAction("+12025550199"));
    }

    public Task DisposeAsync() => _server.DisposeAsync().AsTask();

    [Theory]
    [InlineData("12025550100")]
    [InlineData("12025550101")]
    public async Task Calls_answered_and_hung_up_by_their_scenario_throw_no_exception(string number)
    {
        // One media peer for all the calls, so that its own stopping is not counted; the first call pays what happens
        // once (the first socket, the first sound), and the count is of the calls after it.
        await using var media = new RtpCounter(echo: false);
        await CallAsync(number, media.Port);

        var thrown = await CountExceptionsAsync(async () =>
        {
            for (var call = 0; call < Calls; call++)
                await CallAsync(number, media.Port);
        });

        Assert.True(thrown.IsEmpty, $"{thrown.Count} exceptions in {Calls} calls:{Environment.NewLine}{string.Join(Environment.NewLine, thrown)}");
    }

    [Fact]
    public async Task Forwarded_calls_bridged_with_audio_until_the_caller_hangs_up_throw_no_exception()
    {
        await using var media = new RtpCounter(echo: true);
        await ForwardAsync(media.Port);

        var thrown = await CountExceptionsAsync(async () =>
        {
            for (var call = 0; call < Calls; call++)
                await ForwardAsync(media.Port);
        });

        Assert.True(thrown.IsEmpty, $"{thrown.Count} exceptions in {Calls} calls:{Environment.NewLine}{string.Join(Environment.NewLine, thrown)}");
    }

    private static async Task<ConcurrentQueue<string>> CountExceptionsAsync(Func<Task> calls)
    {
        var thrown = new ConcurrentQueue<string>();
        void Record(object? sender, FirstChanceExceptionEventArgs e) =>
            thrown.Enqueue($"{e.Exception.GetType().Name}: {e.Exception.Message}{Environment.NewLine}{new StackTrace(1, false)}");

        AppDomain.CurrentDomain.FirstChanceException += Record;
        try
        {
            await calls();
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Record;
        }

        return thrown;
    }

    private async Task ForwardAsync(int mediaPort)
    {
        using var targetDirectory = new TemporaryDirectory();
        using var callerDirectory = new TemporaryDirectory();
        await using var target = await Sipp.StartAsync(null, SippScenarios.AnswerAndTalk(), "u1", _targetPort, targetDirectory);
        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallAndHangUp("12025550102", mediaPort, talkMilliseconds: 1000), "u1", callerDirectory);
        var forwarded = await target.WaitAsync();
        var call = await _server.Events.NextEndedAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(forwarded.ExitCode == 0, forwarded.ToString());
        Assert.Equal(CallResult.Forwarded, call.Result);
        Assert.True(call.CalleeMedia!.PacketsReceived > 10, $"the forwarded leg received {call.CalleeMedia.PacketsReceived}");
    }

    private async Task CallAsync(string number, int mediaPort)
    {
        using var directory = new TemporaryDirectory();
        var run = await Sipp.RunAsync(_server.SipEndPoint, SippCallerScenarios.CallUntilServerHangsUp(number, mediaPort), "u1", directory);
        var call = await _server.Events.NextEndedAsync();
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(CallResult.HungUpByScenario, call.Result);
    }
}
