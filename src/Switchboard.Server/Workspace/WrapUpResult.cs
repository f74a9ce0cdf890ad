namespace Switchboard.Server.Workspace;

/// <summary>The outcome of saving a wrap-up, shared by the REST API and the desk.</summary>
public sealed record WrapUpResult(WrapUpOutcome Outcome, WrapUpView? Saved, IReadOnlyDictionary<string, string[]> Errors)
{
    public static WrapUpResult Of(WrapUpOutcome outcome) => new(outcome, null, new Dictionary<string, string[]>());
}

public enum WrapUpOutcome
{
    Saved,

    /// <summary>No such call.</summary>
    NotFound,

    /// <summary>The agent did not talk on the call.</summary>
    NotYours,

    /// <summary>The agent's part of the call goes on: they are still talking with the caller.</summary>
    NotEnded,

    /// <summary>The disposition or the notes are refused (see <see cref="WrapUpResult.Errors"/>).</summary>
    Invalid,
}
