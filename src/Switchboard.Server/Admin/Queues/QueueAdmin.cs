using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Acd;
using Switchboard.Server.AcdHosting;
using Switchboard.Server.Admin.Usages;

namespace Switchboard.Server.Admin.Queues;

/// <summary>The distribution queues: their settings, members and music on hold. Saved changes reach the live listeners (the ACD) at once.</summary>
public sealed class QueueAdmin(SwitchboardDbContext db, ConfigurationUsages usages, IEnumerable<IQueueConfigurationListener> listeners)
{
    public async Task<IReadOnlyList<QueueView>> ListAsync(CancellationToken cancellationToken)
    {
        var queues = await db.Queues.AsNoTracking().ToListAsync(cancellationToken);
        return [.. queues.OrderBy(queue => queue.Name, StringComparer.OrdinalIgnoreCase).Select(QueueView.From)];
    }

    public async Task<QueueView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var queue = await db.Queues.AsNoTracking().FirstOrDefaultAsync(queue => queue.Id == id, cancellationToken);
        return queue is null ? null : QueueView.From(queue);
    }

    public async Task<AdminResult<QueueView>> CreateAsync(QueueInput input, CancellationToken cancellationToken)
    {
        var queue = ToQueue(input);
        var errors = await ValidateAsync(null, queue, cancellationToken);
        if (errors.Count > 0)
            return AdminResult<QueueView>.Invalid(errors);

        db.Queues.Add(queue);
        var refused = await db.SaveOrCheckAgainAsync(token => ValidateAsync(null, queue, token), cancellationToken);
        if (refused.Count > 0)
            return AdminResult<QueueView>.Invalid(refused);

        Saved(queue);
        return AdminResult<QueueView>.Ok(QueueView.From(queue));
    }

    public async Task<AdminResult<QueueView>> UpdateAsync(Guid id, QueueInput input, CancellationToken cancellationToken)
    {
        var queue = await db.Queues.FirstOrDefaultAsync(queue => queue.Id == id, cancellationToken);
        if (queue is null)
            return AdminResult<QueueView>.NotFound();

        var errors = await ValidateAsync(id, ToQueue(input), cancellationToken);
        if (errors.Count > 0)
            return AdminResult<QueueView>.Invalid(errors);

        Apply(input, queue);
        var refused = await db.SaveOrCheckAgainAsync(token => ValidateAsync(id, ToQueue(input), token), cancellationToken);
        if (refused.Count > 0)
            return AdminResult<QueueView>.Invalid(refused);

        Saved(queue);
        return AdminResult<QueueView>.Ok(QueueView.From(queue));
    }

    public async Task<AdminResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var queue = await db.Queues.FirstOrDefaultAsync(queue => queue.Id == id, cancellationToken);
        if (queue is null)
            return AdminResult<bool>.NotFound();

        var usedBy = await usages.UsagesOfQueueAsync(id, cancellationToken);
        if (usedBy.Count > 0)
            return AdminResult<bool>.InUse(usedBy);

        db.Queues.Remove(queue);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var listener in listeners)
            listener.QueueDeleted(id);
        return AdminResult<bool>.Ok(true);
    }

    private void Saved(DistributionQueue queue)
    {
        foreach (var listener in listeners)
            listener.QueueSaved(queue);
    }

    private static DistributionQueue ToQueue(QueueInput input)
    {
        var queue = new DistributionQueue { Name = "" };
        Apply(input, queue);
        return queue;
    }

    private static void Apply(QueueInput input, DistributionQueue queue)
    {
        queue.Name = input.Name?.Trim() ?? "";
        queue.Strategy = input.Strategy;
        queue.Priority = input.Priority;
        queue.RingTimeoutSeconds = input.RingTimeoutSeconds;
        queue.MaxWaitSeconds = input.MaxWaitSeconds;
        queue.MaxWaitingCalls = input.MaxWaitingCalls;
        queue.WrapUpSeconds = input.WrapUpSeconds;
        queue.MaxNoAnswer = input.MaxNoAnswer;
        queue.MusicOnHoldSoundId = input.MusicOnHoldSoundId;
        queue.Members = [.. input.Members ?? []];
        queue.Dispositions = [.. (input.Dispositions ?? []).Select(disposition => disposition?.Trim() ?? "")];
        queue.DispositionRequired = input.DispositionRequired;
    }

    private async Task<Dictionary<string, string[]>> ValidateAsync(Guid? id, DistributionQueue candidate, CancellationToken cancellationToken)
    {
        var memberIds = candidate.Members.OfType<QueueMember>().Select(member => member.UserId).Distinct().ToList();
        var existingUsers = (await db.Users.AsNoTracking()
            .Where(user => memberIds.Contains(user.Id))
            .Select(user => user.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var musicOnHoldExists = candidate.MusicOnHoldSoundId is { } soundId
            && await db.Sounds.AnyAsync(sound => sound.Id == soundId, cancellationToken);

        var report = QueueSettingsValidator.Validate(candidate, existingUsers.Contains, _ => musicOnHoldExists);
        var errors = report.ErrorsByField().ToDictionary();
        if (!errors.ContainsKey("name") && await NameTakenAsync(id, candidate.Name, cancellationToken))
            errors["name"] = [$"A queue named '{candidate.Name}' already exists."];
        return errors;
    }

    private async Task<bool> NameTakenAsync(Guid? id, string name, CancellationToken cancellationToken)
    {
        // Compared in memory: case-insensitive comparison does not translate to SQL alike on SQLite and PostgreSQL,
        // and there are few names.
        var others = await db.Queues.AsNoTracking().Where(queue => queue.Id != id).Select(queue => queue.Name).ToListAsync(cancellationToken);
        return others.Any(other => string.Equals(other, name, StringComparison.OrdinalIgnoreCase));
    }
}
