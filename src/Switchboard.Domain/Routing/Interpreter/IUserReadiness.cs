namespace Switchboard.Domain.Routing.Interpreter;

/// <summary>Whether a user takes calls now; implemented by the ACD, which owns users' statuses.</summary>
public interface IUserReadiness
{
    /// <summary>True while the user's status is Ready: only Ready users are offered calls.</summary>
    bool IsReady(Guid userId);
}
