package io.github.sqlitepragmaagent.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MountTableTest {

    static final String MOUNTINFO = String.join("\n",
            "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
            "35 22 0:31 / /mnt/share rw,relatime shared:20 - nfs4 fileserver:/export rw,vers=4.2",
            "36 22 0:32 / /mnt/share/local-cache rw - tmpfs tmpfs rw",
            "37 22 0:33 / /srv/my\\040files rw - cifs //nas/files rw",
            "38 22 0:34 / /home/ops/remote rw,nosuid - fuse.sshfs ops@host:/data rw",
            "garbage line without separator",
            "");

    private final MountTable table = MountTable.parse(MOUNTINFO);

    @Test
    void theLongestMountPointWins() {
        assertEquals("nfs4", table.mountOf("/mnt/share/app/data.db").type);
        assertTrue(table.mountOf("/mnt/share/app/data.db").isNetwork());
        assertEquals("tmpfs", table.mountOf("/mnt/share/local-cache/c.db").type);
        assertFalse(table.mountOf("/mnt/share/local-cache/c.db").isNetwork());
        assertEquals("ext4", table.mountOf("/mnt/shared-not-really/x.db").type);
    }

    @Test
    void escapedSpacesAndFuseTypesAreUnderstood() {
        assertEquals("/srv/my files", table.mountOf("/srv/my files/app.db").mountPoint);
        assertTrue(table.mountOf("/srv/my files/app.db").isNetwork());
        assertTrue(table.mountOf("/home/ops/remote/app.db").isNetwork());
    }

    @Test
    void noTableMeansNothingIsKnown() {
        assertNull(MountTable.parse("").mountOf("/srv/app.db"));
    }
}
