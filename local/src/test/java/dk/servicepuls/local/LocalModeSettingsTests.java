package dk.servicepuls.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LocalModeSettingsTests {

    @Test
    void simulatesNothingUnlessAsked() {
        LocalModeSettings settings = LocalModeSettings.from();

        assertThat(settings.simulate()).isEqualTo("false");
        assertThat(new LocalMode(settings).simulation()).isEmpty();
    }

    @Test
    void takesTheSimulatorsSpecAsGiven() {
        LocalModeSettings settings = LocalModeSettings.from("--servicepuls.local.simulate=cases=2000,rate=50,seed=7",
                "--servicepuls.local.contact-service-port=18081");

        assertThat(settings.simulate()).isEqualTo("cases=2000,rate=50,seed=7");
        assertThat(new LocalMode(settings).simulation()).hasValueSatisfying(simulation -> assertThat(simulation.describe())
                .startsWith("2000 cases (seed 7) at 50 events/s").contains("truth-7.jsonl"));
    }

    @Test
    void aBareSimulateFlagMeansTheDefaultMunicipality() {
        assertThat(LocalModeSettings.from("--servicepuls.local.simulate").simulate()).isEqualTo("true");
        assertThat(new LocalMode(LocalModeSettings.from("--servicepuls.local.simulate=true")).simulation()).isPresent();
    }

    @Test
    void aSpecTheSimulatorCannotReadIsRefusedBeforeAnythingStarts() {
        LocalMode platform = new LocalMode(LocalModeSettings.from("--servicepuls.local.simulate=speed=9"));

        assertThatIllegalArgumentException().isThrownBy(platform::simulation).withMessageContaining("speed");
    }

    @Test
    void startsTheWholePlatformUnlessToldToReplay() {
        assertThat(LocalModeSettings.from().replaying()).isFalse();
        assertThat(LocalModeSettings.from().services()).containsExactly(LocalService.values());

        LocalModeSettings replay = LocalModeSettings.from("--servicepuls.local.replay-from=localhost:19092");
        assertThat(replay.replaying()).isTrue();
        assertThat(replay.services()).containsExactly(LocalService.ANALYTICS);
        assertThat(replay.replayGroup()).isEqualTo("analytics-replay");
        assertThat(LocalModeSettings.from("--servicepuls.local.replay-from=localhost:19092",
                "--servicepuls.local.replay-group=analytics-v2").replayGroup()).isEqualTo("analytics-v2");
    }

    @Test
    void listensOnlyOnThisMachineUnlessToldOtherwise() {
        LocalModeSettings settings = LocalModeSettings.from();

        assertThat(settings.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(settings.loopbackOnly()).isTrue();
    }

    @Test
    void listensOnEveryInterfaceWhenAsked() {
        LocalModeSettings settings = LocalModeSettings.from("--servicepuls.local.bind-address=0.0.0.0");

        assertThat(settings.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(settings.loopbackOnly()).isFalse();
    }
}
