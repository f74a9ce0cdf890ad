using Switchboard.Domain.Routing.Interpreter;

namespace Switchboard.Telephony;

/// <summary>What telephony can tell about its live calls to those who show them: the workspace, live queue views.</summary>
public interface ILiveCallDirectory
{
    /// <summary>
    /// The call variables of a live call as its scenario has set them so far (they change while it runs), or null
    /// when telephony has no such live call.
    /// </summary>
    IReadOnlyCallVariables? FindVariables(Guid callId);

    /// <summary>A live call as the workspace shows it, or null when telephony has no such live call.</summary>
    LiveCallView? Find(Guid callId);

    /// <summary>
    /// The user's current call: the one they are connected to, else the one ringing them (the latest rung), or null
    /// when none is.
    /// </summary>
    UserCallView? FindForUser(Guid userId);
}
