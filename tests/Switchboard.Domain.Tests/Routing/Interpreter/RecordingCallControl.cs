using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Domain.Tests.Routing.Interpreter;

/// <summary>Records what the scenario asked of the call, in order, into a log shared with the other fakes; waits in <paramref name="queues"/>.</summary>
public sealed class RecordingCallControl(List<string> log, FakeQueues queues) : ICallControl
{
    private readonly TaskCompletionSource _playStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How each user answers; anyone else does not answer.</summary>
    public Dictionary<Guid, CallUserResult> UserAnswers { get; } = [];

    /// <summary>This sound plays until the caller hangs up.</summary>
    public Guid? EndlessSoundId { get; set; }

    public Task EndlessSoundStarted => _playStarted.Task;

    /// <summary>What the called user's device was shown, per call.</summary>
    public List<IReadOnlyList<CallVariable>> VariablesShownToUsers { get; } = [];

    public Task AnswerAsync(CancellationToken cancellationToken)
    {
        log.Add("answer");
        return Task.CompletedTask;
    }

    public async Task PlaySoundAsync(Guid soundId, int repeat, CancellationToken cancellationToken)
    {
        log.Add($"play {soundId} x{repeat}");
        if (soundId == EndlessSoundId)
        {
            _playStarted.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
    }

    public Task<CallUserResult> CallUserAsync(Guid userId, int ringSeconds, IReadOnlyCallVariables variables, CancellationToken cancellationToken)
    {
        log.Add($"call user {userId} for {ringSeconds}s");
        VariablesShownToUsers.Add(variables.Snapshot());
        return Task.FromResult(UserAnswers.GetValueOrDefault(userId, CallUserResult.NoAnswer));
    }

    public Task<QueueWaitResult> WaitInQueueAsync(
        Guid queueId, int priority, int? maxWaitSeconds, bool musicOnHold, IReadOnlyCallVariables variables, CancellationToken cancellationToken) =>
        queues.WaitInQueueAsync(queueId, priority, maxWaitSeconds, musicOnHold, variables, cancellationToken);

    /// <summary>Forwards to these destinations fail (unreachable, refused, not answered); any other is answered.</summary>
    public HashSet<string> FailingForwards { get; } = [];

    public Task<bool> ForwardAsync(string destination, CancellationToken cancellationToken)
    {
        log.Add($"forward {destination}");
        return Task.FromResult(!FailingForwards.Contains(destination));
    }

    public Task HangupAsync(HangupReason reason, CancellationToken cancellationToken)
    {
        log.Add($"hangup {reason}");
        return Task.CompletedTask;
    }
}
