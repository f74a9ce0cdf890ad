using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Server.Admin.Queues;
using Switchboard.Server.Admin.Scenarios;
using Switchboard.Server.Admin.Sounds;
using Switchboard.Server.Tests.Infrastructure;

namespace Switchboard.Server.Tests.Sounds;

public abstract class SoundApiTests(StorageKind storage) : SwitchboardTest(storage)
{
    [Fact]
    public async Task Uploaded_16_kHz_stereo_sound_comes_back_as_8_kHz_mono_of_the_same_duration()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var upload = await UploadAsync(client, "Welcome", TestWav.Tone(16000, 2, TimeSpan.FromMilliseconds(1500)), "welcome.wav");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var sound = (await upload.Content.ReadFromJsonAsync<SoundView>(TestJson.Options, Ct))!;
        Assert.Equal("Welcome", sound.Name);
        Assert.Equal(1500, sound.DurationMilliseconds);

        using var audio = await client.GetAsync($"/api/v1/sounds/{sound.Id}/audio", Ct);
        Assert.Equal(HttpStatusCode.OK, audio.StatusCode);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        var format = TestWav.FormatOf(await audio.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal((8000, 1, 16), (format.SampleRate, format.Channels, format.BitsPerSample));
        Assert.Equal(8000 * 1.5, format.Frames);
    }

    [Fact]
    public async Task Sound_is_listed_renamed_and_deleted_with_its_file()
    {
        using var client = await ClientAsync(Actor.Admin);
        var sound = await UploadSoundAsync(client, "Greeting");

        var listed = await client.GetFromJsonAsync<List<SoundView>>("/api/v1/sounds", TestJson.Options, Ct);
        Assert.Equal(["Greeting"], listed!.Select(s => s.Name));

        using var rename = await client.PutAsJsonAsync($"/api/v1/sounds/{sound.Id}", new { name = "Morning greeting" }, TestJson.Options, Ct);
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        var fetched = await client.GetFromJsonAsync<SoundView>($"/api/v1/sounds/{sound.Id}", TestJson.Options, Ct);
        Assert.Equal("Morning greeting", fetched!.Name);
        var file = Path.Combine(Storage.DataDirectory, "sounds", $"{sound.Id}.wav");
        Assert.True(File.Exists(file));

        using var delete = await client.DeleteAsync($"/api/v1/sounds/{sound.Id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        using var gone = await client.GetAsync($"/api/v1/sounds/{sound.Id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        using var audioGone = await client.GetAsync($"/api/v1/sounds/{sound.Id}/audio", Ct);
        Assert.Equal(HttpStatusCode.NotFound, audioGone.StatusCode);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Text_file_named_wav_is_refused_with_the_reason_on_the_file_field()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await UploadAsync(client, "Notes", "These are meeting notes, not audio."u8.ToArray(), "notes.wav");

        var messages = await ConfigurationApi.FieldErrorAsync(response, "file", Ct);
        Assert.Contains("not a WAV file", messages[0]);
        var listed = await client.GetFromJsonAsync<List<SoundView>>("/api/v1/sounds", TestJson.Options, Ct);
        Assert.Empty(listed!);
    }

    [Fact]
    public async Task Unsupported_sample_rate_is_refused_saying_which_rates_are_supported()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await UploadAsync(client, "Hi-fi", TestWav.Tone(44100, 2, TimeSpan.FromMilliseconds(100)), "hifi.wav");

        var messages = await ConfigurationApi.FieldErrorAsync(response, "file", Ct);
        Assert.Contains("44100 Hz", messages[0]);
    }

    [Fact]
    public async Task Upload_larger_than_20_MB_is_refused()
    {
        using var client = await ClientAsync(Actor.Admin);

        using var response = await UploadAsync(client, "Huge", new byte[(20 * 1024 * 1024) + 1], "huge.wav");

        var messages = await ConfigurationApi.FieldErrorAsync(response, "file", Ct);
        Assert.Contains("20 MB", messages[0]);
    }

    [Fact]
    public async Task Second_sound_with_the_same_name_is_refused_on_the_name_field()
    {
        using var client = await ClientAsync(Actor.Admin);
        await UploadSoundAsync(client, "Welcome");

        using var response = await UploadAsync(client, "welcome", TestWav.Tone(8000, 1, TimeSpan.FromMilliseconds(200)), "again.wav");

        await ConfigurationApi.FieldErrorAsync(response, "name", Ct);
    }

    [Fact]
    public async Task Sound_played_by_a_scenario_and_held_to_by_a_queue_cannot_be_deleted()
    {
        using var client = await ClientAsync(Actor.Admin);
        var sound = await UploadSoundAsync(client, "Welcome");
        await ConfigurationApi.CreateAsync<QueueView>(client, "/api/v1/queues", new { name = "Support", musicOnHoldSoundId = sound.Id }, Ct);
        await ConfigurationApi.CreateAsync<ScenarioView>(
            client,
            "/api/v1/scenarios",
            new { name = "Main", actions = new object[] { new { type = "setVariable", name = "lang", value = "en" }, new { type = "playSound", soundId = sound.Id } } },
            Ct);

        using var response = await client.DeleteAsync($"/api/v1/sounds/{sound.Id}", Ct);

        var (detail, usages) = await ConfigurationApi.InUseAsync(response, Ct);
        Assert.Equal(["Scenario 'Main', Action 2 (Play sound)", "Queue 'Support', music on hold"], usages);
        Assert.Contains("Scenario 'Main', Action 2 (Play sound)", detail);
        using var stillThere = await client.GetAsync($"/api/v1/sounds/{sound.Id}/audio", Ct);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
    }

    [Theory]
    [InlineData(Actor.Agent, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Supervisor, HttpStatusCode.Forbidden)]
    [InlineData(Actor.Anonymous, HttpStatusCode.Unauthorized)]
    public async Task Only_admins_may_see_or_upload_sounds(Actor actor, HttpStatusCode expected)
    {
        using var client = await ClientAsync(actor);

        using var list = await client.GetAsync("/api/v1/sounds", Ct);
        using var upload = await UploadAsync(client, "Welcome", TestWav.Tone(8000, 1, TimeSpan.FromMilliseconds(200)), "welcome.wav");

        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(expected, upload.StatusCode);
    }

    private async Task<SoundView> UploadSoundAsync(HttpClient client, string name)
    {
        using var response = await UploadAsync(client, name, TestWav.Tone(8000, 1, TimeSpan.FromMilliseconds(500)), "sound.wav");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SoundView>(TestJson.Options, Ct))!;
    }

    private Task<HttpResponseMessage> UploadAsync(HttpClient client, string name, byte[] bytes, string fileName)
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent(name), "name");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        form.Add(file, "file", fileName);
        return client.PostAsync("/api/v1/sounds", form, Ct);
    }

    [Fact]
    public async Task A_name_another_request_saved_but_for_case_after_the_check_is_refused_and_the_upload_not_kept()
    {
        await using var server = new RacingServer(Factory);
        using var client = await server.AdminClientAsync(Ct);
        server.SaveFirst(async (services, token) =>
        {
            using var wav = new MemoryStream(TestWav.Tone(8000, 1, TimeSpan.FromMilliseconds(200)));
            Assert.True((await services.GetRequiredService<SoundAdmin>().UploadAsync("welcome", wav, token)).Succeeded);
        });

        using var response = await UploadAsync(client, "Welcome", TestWav.Tone(8000, 1, TimeSpan.FromMilliseconds(300)), "welcome.wav");

        Assert.Equal(["A sound named 'Welcome' already exists."], await ConfigurationApi.FieldErrorAsync(response, "name", Ct));
        var sounds = await server.WithServicesAsync(services => services.GetRequiredService<SoundAdmin>().ListAsync(Ct));
        Assert.Equal(["welcome"], sounds.Select(sound => sound.Name));
        Assert.Single(Directory.GetFiles(Storage.DataDirectory, "*.wav", SearchOption.AllDirectories));
    }
}

public sealed class SoundApiTests_on_sqlite() : SoundApiTests(StorageKind.Sqlite);

public sealed class SoundApiTests_on_postgres() : SoundApiTests(StorageKind.Postgres);
