using Microsoft.EntityFrameworkCore;
using Switchboard.Data;
using Switchboard.Domain.Sounds;
using Switchboard.Media.Audio;
using Switchboard.Server.Admin.Usages;

namespace Switchboard.Server.Admin.Sounds;

/// <summary>Uploads, renames, serves and deletes the sounds that scenarios play and queues hold callers with.</summary>
public sealed class SoundAdmin(SwitchboardDbContext db, SoundFiles files, ConfigurationUsages usages, TimeProvider time)
{
    public const int MaxUploadBytes = 20 * 1024 * 1024;

    public const int MaxNameLength = 100;

    public async Task<IReadOnlyList<SoundView>> ListAsync(CancellationToken cancellationToken)
    {
        var sounds = await db.Sounds.AsNoTracking().ToListAsync(cancellationToken);
        return [.. sounds.OrderBy(sound => sound.Name, StringComparer.OrdinalIgnoreCase).Select(ToView)];
    }

    public async Task<SoundView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var sound = await db.Sounds.AsNoTracking().FirstOrDefaultAsync(sound => sound.Id == id, cancellationToken);
        return sound is null ? null : ToView(sound);
    }

    /// <summary>Stores <paramref name="wav"/> as 8 kHz mono WAV, or says why the file or the name is refused.</summary>
    public async Task<AdminResult<SoundView>> UploadAsync(string name, Stream wav, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var nameError = await NameErrorAsync(null, name, cancellationToken);
        if (nameError is not null)
            errors["name"] = [nameError];

        var bytes = await ReadUpToLimitAsync(wav, cancellationToken);
        NormalizedSound? normalized = null;
        if (bytes is null)
            errors["file"] = [$"The file is larger than {MaxUploadBytes / (1024 * 1024)} MB; upload a shorter sound."];
        else if (!WavNormalizer.TryNormalize(bytes, out normalized, out var refusal))
            errors["file"] = [$"The file was refused: {refusal}."];

        if (errors.Count > 0 || normalized is null)
            return AdminResult<SoundView>.Invalid(errors);

        var id = Guid.CreateVersion7();
        var sound = new Sound
        {
            Id = id,
            Name = name.Trim(),
            FileName = SoundFiles.FileNameOf(id),
            DurationMilliseconds = (int)Math.Round(normalized.Duration.TotalMilliseconds),
            CreatedAt = time.GetUtcNow(),
        };
        await files.WriteAsync(sound.FileName, normalized.Wav, cancellationToken);
        var saved = false;
        try
        {
            db.Sounds.Add(sound);
            var refused = await db.SaveOrCheckAgainAsync(token => NameErrorsAsync(null, name, token), cancellationToken);
            if (refused.Count > 0)
                return AdminResult<SoundView>.Invalid(refused);
            saved = true;
        }
        finally
        {
            // Unless the row was saved, no row points at the file, so nothing would ever remove it.
            if (!saved)
                files.Delete(sound.FileName);
        }

        return AdminResult<SoundView>.Ok(ToView(sound));
    }

    public async Task<AdminResult<SoundView>> RenameAsync(Guid id, SoundRenameInput input, CancellationToken cancellationToken)
    {
        var sound = await db.Sounds.FirstOrDefaultAsync(sound => sound.Id == id, cancellationToken);
        if (sound is null)
            return AdminResult<SoundView>.NotFound();

        var nameError = await NameErrorAsync(id, input.Name, cancellationToken);
        if (nameError is not null)
            return AdminResult<SoundView>.Invalid("name", nameError);

        sound.Name = input.Name.Trim();
        var refused = await db.SaveOrCheckAgainAsync(token => NameErrorsAsync(id, input.Name, token), cancellationToken);
        if (refused.Count > 0)
            return AdminResult<SoundView>.Invalid(refused);

        return AdminResult<SoundView>.Ok(ToView(sound));
    }

    /// <summary>The stored 8 kHz mono WAV, or null when there is no such sound.</summary>
    public async Task<Stream?> OpenAudioAsync(Guid id, CancellationToken cancellationToken)
    {
        var fileName = await db.Sounds.AsNoTracking()
            .Where(sound => sound.Id == id)
            .Select(sound => sound.FileName)
            .FirstOrDefaultAsync(cancellationToken);
        return fileName is null ? null : files.OpenRead(fileName);
    }

    public async Task<AdminResult<bool>> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var sound = await db.Sounds.FirstOrDefaultAsync(sound => sound.Id == id, cancellationToken);
        if (sound is null)
            return AdminResult<bool>.NotFound();

        var usedBy = await usages.UsagesOfSoundAsync(id, cancellationToken);
        if (usedBy.Count > 0)
            return AdminResult<bool>.InUse(usedBy);

        db.Sounds.Remove(sound);
        await db.SaveChangesAsync(cancellationToken);
        files.Delete(sound.FileName);
        return AdminResult<bool>.Ok(true);
    }

    private static SoundView ToView(Sound sound) => new(sound.Id, sound.Name, sound.DurationMilliseconds, sound.CreatedAt);

    private async Task<Dictionary<string, string[]>> NameErrorsAsync(Guid? id, string? name, CancellationToken cancellationToken) =>
        await NameErrorAsync(id, name, cancellationToken) is { } error
            ? new Dictionary<string, string[]> { ["name"] = [error] }
            : new Dictionary<string, string[]>();

    private async Task<string?> NameErrorAsync(Guid? id, string? name, CancellationToken cancellationToken)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
            return "Enter a name for the sound.";
        if (trimmed.Length > MaxNameLength)
            return $"A name has at most {MaxNameLength} characters.";

        // Compared in memory: case-insensitive comparison does not translate to SQL alike on SQLite and PostgreSQL,
        // and there are few names.
        var others = await db.Sounds.AsNoTracking().Where(sound => sound.Id != id).Select(sound => sound.Name).ToListAsync(cancellationToken);
        var taken = others.Any(other => string.Equals(other, trimmed, StringComparison.OrdinalIgnoreCase));
        return taken ? $"A sound named '{trimmed}' already exists." : null;
    }

    /// <summary>The whole stream, or null when it holds more than <see cref="MaxUploadBytes"/>.</summary>
    private static async Task<byte[]?> ReadUpToLimitAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxUploadBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
