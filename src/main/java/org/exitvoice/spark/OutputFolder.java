package org.exitvoice.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A sweep's output folder through Hadoop's FileSystem API: a local or shared path, or any URI Hadoop can write
 * ({@code hdfs://}, {@code s3a://}, {@code abfs://}, ...). Files are written under a temp name beside their target and
 * renamed, so no reader (and no resume) ever sees half a file. Used by the driver and by the tasks alike.
 */
final class OutputFolder {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FileSystem fs;
    private final Path root;
    private final String shown;

    private OutputFolder(FileSystem fs, Path root, String shown) {
        this.fs = fs;
        this.root = root;
        this.shown = shown;
    }

    /**
     * The folder {@code out}: a URI with a scheme as it is, anything else a local path (made absolute here, so that the
     * executors of a cluster find the same shared folder).
     */
    static URI uri(String out) {
        if (out.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) { // a scheme of two letters or more: not a Windows drive
            return URI.create(out);
        }
        return java.nio.file.Path.of(out).toAbsolutePath().normalize().toUri();
    }

    /** The folder at {@code uri}, shown in messages as {@code shown}. */
    static OutputFolder of(URI uri, String shown, Configuration conf) throws IOException {
        FileSystem fs = FileSystem.get(uri, conf);
        if (fs instanceof LocalFileSystem local) {
            fs = local.getRawFileSystem(); // no .crc file beside every part and table
        }
        return new OutputFolder(fs, new Path(uri), shown);
    }

    /** The folder as the user named it. */
    String shown() {
        return shown;
    }

    /** Whether the folder is on this machine's file system (then scenario.yaml names the tables relative to it). */
    java.nio.file.Path localPath() {
        URI u = root.toUri();
        return "file".equals(u.getScheme()) ? java.nio.file.Path.of(u) : null;
    }

    /** A file or folder that exists and is not an empty folder (the local sweep's rule). */
    boolean existsNonEmpty() throws IOException {
        if (!fs.exists(root)) {
            return false;
        }
        FileStatus st = fs.getFileStatus(root);
        return !st.isDirectory() || fs.listStatus(root).length > 0;
    }

    boolean exists(String name) throws IOException {
        return fs.exists(path(name));
    }

    boolean isFile(String name) throws IOException {
        return fs.exists(path(name)) && fs.getFileStatus(path(name)).isFile();
    }

    void mkdirs() throws IOException {
        fs.mkdirs(root);
    }

    InputStream open(String name) throws IOException {
        return fs.open(path(name));
    }

    byte[] read(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    /** The names of the files in the subfolder {@code dir} (none when it does not exist). */
    List<String> list(String dir) throws IOException {
        List<String> out = new ArrayList<>();
        try {
            for (FileStatus st : fs.listStatus(path(dir))) {
                if (st.isFile()) {
                    out.add(st.getPath().getName());
                }
            }
        } catch (FileNotFoundException e) {
            return List.of();
        }
        return out;
    }

    /** Writes {@code bytes} to {@code name} through a temp sibling, replacing the file there. */
    void write(String name, byte[] bytes) throws IOException {
        write(name, out -> out.write(bytes), true);
    }

    /** Copies a local file to {@code name} through a temp sibling, replacing the file there. */
    void upload(String name, java.nio.file.Path local) throws IOException {
        write(name, out -> Files.copy(local, out), true);
    }

    /**
     * Writes {@code name} through a temp sibling; with {@code replace} false a file already there wins and the new one
     * is dropped (two attempts of one task write the same rows).
     *
     * @return whether this call's content is now the file's
     */
    boolean write(String name, Content content, boolean replace) throws IOException {
        Path target = path(name);
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + Long.toHexString(RANDOM.nextLong()) + ".tmp");
        try {
            try (FSDataOutputStream out = fs.create(tmp, false)) {
                content.writeTo(out);
            }
            if (!replace && fs.exists(target)) {
                return false;
            }
            if (fs.rename(tmp, target)) {
                return true;
            }
            if (!fs.exists(target)) {
                throw new IOException("cannot rename " + tmp + " to " + target);
            }
            if (!replace) {
                return false;
            }
            // HDFS and object stores do not rename over a file: drop the old one first (derived files only)
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) {
                throw new IOException("cannot rename " + tmp + " to " + target);
            }
            return true;
        } finally {
            if (fs.exists(tmp)) {
                fs.delete(tmp, false);
            }
        }
    }

    /** Deletes {@code name} (a folder with everything in it). */
    void delete(String name) throws IOException {
        fs.delete(path(name), true);
    }

    private Path path(String name) {
        return name.isEmpty() ? root : new Path(root, name);
    }

    /** What writes a file's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }
}
