namespace Switchboard.Server.Configuration;

internal static partial class ConfigurationLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "Could not load the saved configuration; calls go on with the one loaded before")]
    public static partial void ReloadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "The audio of sound {SoundId} is missing ({FileName}): it is skipped where it would play")]
    public static partial void SoundFileMissing(ILogger logger, Guid soundId, string fileName);
}
