using Switchboard.Domain.Routing;

namespace Switchboard.Domain.Acd;

/// <summary>
/// Checks a distribution queue's settings and members. Ranges:
/// name 1–100 characters; ring timeout 5–300 s; maximum wait 0–86400 s (0 = no limit);
/// maximum waiting calls 0–10000 (0 = no limit); wrap-up 0–3600 s; unanswered offers before Not available
/// 0–100 (0 = never); priority 0–100; a member's level 1–10 and position 0–9999, each user at most once;
/// at most 50 dispositions of 1–50 characters each, unique ignoring case, and at least one when one is required.
/// Errors block saving; this validator reports no warnings.
/// </summary>
public static class QueueSettingsValidator
{
    public const int MaxNameLength = 100;
    public const int MaxMemberLevel = 10;
    public const int MaxMemberPosition = 9999;
    public const int MaxDispositions = 50;
    public const int MaxDispositionLength = 50;

    /// <param name="queue">The queue as it would be saved.</param>
    /// <param name="userExists">Whether a user with this id exists.</param>
    /// <param name="soundExists">Whether a sound with this id exists (for music on hold).</param>
    public static ValidationReport Validate(DistributionQueue queue, Func<Guid, bool> userExists, Func<Guid, bool> soundExists)
    {
        var issues = new List<ValidationIssue>();
        void Error(string field, string message) => issues.Add(new ValidationIssue(null, field, IssueSeverity.Error, message));
        void CheckRange(string field, int value, int min, int max, string message)
        {
            if (value < min || value > max)
                Error(field, message);
        }

        if (string.IsNullOrWhiteSpace(queue.Name))
            Error("name", "Enter a name");
        else if (queue.Name.Length > MaxNameLength)
            Error("name", $"Too long: a name has at most {MaxNameLength} characters");

        if (!Enum.IsDefined(queue.Strategy))
            Error("strategy", "Choose how agents are picked");

        CheckRange("priority", queue.Priority, 0, 100, "Priority is from 0 to 100");
        CheckRange("ringTimeoutSeconds", queue.RingTimeoutSeconds, 5, 300, "Ring each agent for 5 to 300 seconds");
        CheckRange("maxWaitSeconds", queue.MaxWaitSeconds, 0, 86400, "Maximum wait is 0 (no limit) to 86400 seconds (24 hours)");
        CheckRange("maxWaitingCalls", queue.MaxWaitingCalls, 0, 10000, "Maximum waiting calls is 0 (no limit) to 10000");
        CheckRange("wrapUpSeconds", queue.WrapUpSeconds, 0, 3600, "Wrap-up is 0 to 3600 seconds (1 hour)");
        CheckRange("maxNoAnswer", queue.MaxNoAnswer, 0, 100, "Unanswered offers is 0 (never set Not available) to 100");

        if (queue.MusicOnHoldSoundId is { } soundId && (soundId == Guid.Empty || !soundExists(soundId)))
            Error("musicOnHoldSoundId", "Sound not found");

        var seenUsers = new HashSet<Guid>();
        var members = queue.Members ?? [];
        for (var index = 0; index < members.Count; index++)
        {
            var member = members[index];
            var prefix = $"members[{index}]";
            if (member is null)
            {
                Error(prefix, "Choose a user");
                continue;
            }

            if (member.UserId == Guid.Empty)
                Error(prefix + ".userId", "Choose a user");
            else if (!userExists(member.UserId))
                Error(prefix + ".userId", "User not found");
            else if (!seenUsers.Add(member.UserId))
                Error(prefix + ".userId", "This user is already a member of the queue");

            CheckRange(prefix + ".level", member.Level, 1, MaxMemberLevel, $"Level is from 1 to {MaxMemberLevel}");
            CheckRange(prefix + ".position", member.Position, 0, MaxMemberPosition, $"Position is from 0 to {MaxMemberPosition}");
        }

        var seenDispositions = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var dispositions = queue.Dispositions ?? [];
        if (dispositions.Count > MaxDispositions)
            Error("dispositions", $"A queue has at most {MaxDispositions} dispositions");
        for (var index = 0; index < dispositions.Count; index++)
        {
            var field = $"dispositions[{index}]";
            var disposition = dispositions[index];
            if (string.IsNullOrWhiteSpace(disposition))
                Error(field, "Enter a disposition, or remove this line");
            else if (disposition.Length > MaxDispositionLength)
                Error(field, $"Too long: a disposition has at most {MaxDispositionLength} characters");
            else if (!seenDispositions.Add(disposition.Trim()))
                Error(field, $"'{disposition.Trim()}' is already a disposition of this queue");
        }

        if (queue.DispositionRequired && dispositions.Count == 0)
            Error("dispositionRequired", "Add the dispositions to choose from before requiring one");

        return new ValidationReport(issues);
    }
}
