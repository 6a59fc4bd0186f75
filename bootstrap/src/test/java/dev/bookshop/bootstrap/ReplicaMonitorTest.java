package dev.bookshop.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicaMonitorTest {

    @Test
    void aWalPositionReadsAsTwoHexadecimalHalves() {
        assertThat(ReplicaMonitor.parse("0/0")).isZero();
        assertThat(ReplicaMonitor.parse("0/3000148")).isEqualTo(0x3000148L);
        assertThat(ReplicaMonitor.parse("16/B374D848")).isEqualTo((0x16L << 32) | 0xB374D848L);
        assertThat(ReplicaMonitor.parse("1/0")).isGreaterThan(ReplicaMonitor.parse("0/FFFFFFFF"));
    }
}
