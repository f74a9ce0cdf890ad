using Switchboard.Server.Admin.Sounds;
using Switchboard.Server.Security;

namespace Switchboard.Server.Api;

/// <summary>/api/v1/sounds: upload (multipart), rename, listen to and delete sounds, for admins.</summary>
public static class SoundEndpoints
{
    public static IEndpointRouteBuilder MapSoundApi(this IEndpointRouteBuilder api)
    {
        var sounds = api.MapGroup("/sounds").RequireAuthorization(Policies.Admin).WithTags("Sounds");
        sounds.MapGet("/", (SoundAdmin admin, CancellationToken cancellationToken) => admin.ListAsync(cancellationToken));
        sounds.MapGet("/{id:guid}", async (Guid id, SoundAdmin admin, CancellationToken cancellationToken) =>
                ProblemResults.OkOrNotFound(await admin.GetAsync(id, cancellationToken)))
            .Produces<SoundView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        sounds.MapGet("/{id:guid}/audio", OpenAudioAsync)
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav")
            .ProducesProblem(StatusCodes.Status404NotFound);
        sounds.MapPost("/", UploadAsync)
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<SoundView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();
        sounds.MapPut("/{id:guid}", async (Guid id, SoundRenameInput input, SoundAdmin admin, CancellationToken cancellationToken) =>
                (await admin.RenameAsync(id, input, cancellationToken)).ToOk())
            .Produces<SoundView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        sounds.MapDelete("/{id:guid}", async (Guid id, SoundAdmin admin, CancellationToken cancellationToken) =>
                (await admin.DeleteAsync(id, cancellationToken)).ToNoContent())
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    // The form is read here rather than bound, so that a missing field is answered as a field error like any
    // other invalid input.
    private static async Task<IResult> UploadAsync(HttpRequest request, SoundAdmin admin, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["file"] = ["Send multipart/form-data with the fields 'name' and 'file'."] },
                title: "The input is not valid.");

        var form = await request.ReadFormAsync(cancellationToken);
        var file = form.Files.GetFile("file");
        if (file is null)
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["file"] = ["Choose a WAV file to upload."] },
                title: "The input is not valid.");

        await using var wav = file.OpenReadStream();
        var result = await admin.UploadAsync(form["name"].ToString(), wav, cancellationToken);
        return result.ToCreated(sound => $"/api/v1/sounds/{sound.Id}");
    }

    private static async Task<IResult> OpenAudioAsync(Guid id, SoundAdmin admin, CancellationToken cancellationToken)
    {
        var audio = await admin.OpenAudioAsync(id, cancellationToken);
        // Range requests let the browser's <audio> element seek.
        return audio is null ? ProblemResults.NotFound() : TypedResults.Stream(audio, "audio/wav", enableRangeProcessing: true);
    }
}
