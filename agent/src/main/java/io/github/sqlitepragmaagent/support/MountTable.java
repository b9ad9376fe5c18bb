package io.github.sqlitepragmaagent.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The mounts of this Linux system, from {@code /proc/self/mountinfo}: which filesystem a database
 * file lives on, and whether that is a network filesystem, where WAL's shared memory does not work.
 */
public final class MountTable {

    /** Where the table is read; a test may point this system property at a file of its own. */
    static final String LOCATION_PROPERTY = "sqlite.pragma.agent.mountinfo";

    private static final Set<String> NETWORK_TYPES = new HashSet<String>(Arrays.asList(
            "nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs", "lustre", "gpfs",
            "beegfs", "ocfs2", "gfs2", "davfs", "fuse.sshfs", "fuse.glusterfs", "fuse.s3fs", "fuse.rclone", "fuse.davfs2",
            "fuse.gcsfuse", "fuse.cephfs", "fuse.juicefs", "fuse.seaweedfs"));

    /** One mount: where, and of what type. */
    public static final class Mount {
        public final String mountPoint;
        public final String type;

        Mount(String mountPoint, String type) {
            this.mountPoint = mountPoint;
            this.type = type;
        }

        public boolean isNetwork() {
            return NETWORK_TYPES.contains(type.toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return type + " mounted at " + mountPoint;
        }
    }

    private final List<Mount> mounts;

    MountTable(List<Mount> mounts) {
        this.mounts = Collections.unmodifiableList(mounts);
    }

    /** This system's table; empty where there is none (not Linux, or unreadable). */
    public static MountTable ofThisSystem() {
        String location = System.getProperty(LOCATION_PROPERTY, "/proc/self/mountinfo");
        try {
            return parse(new String(Files.readAllBytes(Paths.get(location)), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return new MountTable(Collections.<Mount>emptyList());
        }
    }

    /**
     * Parses mountinfo lines: {@code ID PARENT MAJ:MIN ROOT MOUNT-POINT OPTIONS [TAGS...] - TYPE SOURCE
     * SUPER-OPTIONS}, with spaces in paths written as {@code \040}.
     */
    public static MountTable parse(String mountinfo) {
        List<Mount> mounts = new ArrayList<Mount>();
        for (String line : mountinfo.split("\n")) {
            String[] fields = line.trim().split(" ");
            int separator = Arrays.asList(fields).indexOf("-");
            if (fields.length < 5 || separator < 0 || separator + 1 >= fields.length) {
                continue;
            }
            mounts.add(new Mount(unescape(fields[4]), fields[separator + 1]));
        }
        return new MountTable(mounts);
    }

    /** The mount holding {@code path} (the longest mount point that contains it), or null. */
    public Mount mountOf(String path) {
        String canonical = canonical(path);
        Mount best = null;
        for (Mount mount : mounts) {
            if (contains(mount.mountPoint, canonical)
                    && (best == null || mount.mountPoint.length() >= best.mountPoint.length())) {
                best = mount;
            }
        }
        return best;
    }

    private static boolean contains(String mountPoint, String path) {
        return mountPoint.equals("/") || path.equals(mountPoint) || path.startsWith(mountPoint + "/");
    }

    /** Symbolic links resolved where possible: a link into an NFS mount is on NFS. */
    private static String canonical(String path) {
        File file = new File(path);
        try {
            File existing = file.exists() ? file : file.getAbsoluteFile().getParentFile();
            String resolved = existing == null ? file.getAbsolutePath() : existing.getCanonicalPath();
            return file.exists() ? resolved : resolved + File.separator + file.getName();
        } catch (IOException e) {
            return file.getAbsolutePath();
        }
    }

    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length() && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String text, int from) {
        for (int i = from; i < from + 3; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }
}
