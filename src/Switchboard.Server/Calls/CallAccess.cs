using System.Security.Claims;
using Switchboard.Domain.Users;
using Switchboard.Server.Security;

namespace Switchboard.Server.Calls;

/// <summary>Who may open a call's detail: admins and supervisors any call; an agent the calls they took part in.</summary>
public static class CallAccess
{
    public const string RefusedWords = "Agents see only the calls they were offered or talked on; supervisors and admins see every call.";

    /// <param name="takingPart">The users offered the call or who talked on it (<see cref="CallDetailComposition.TakingPart"/>).</param>
    public static bool MayOpen(ClaimsPrincipal viewer, IEnumerable<Guid> takingPart)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return SeesEveryCall(viewer) || (viewer.GetUserId() is { } userId && takingPart.Contains(userId));
    }

    public static bool SeesEveryCall(ClaimsPrincipal viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.IsInRole(SwitchboardClaims.RoleValue(Role.Admin)) || viewer.IsInRole(SwitchboardClaims.RoleValue(Role.Supervisor));
    }
}
