package org.reasonlab.ui.internal.markers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.resources.IWorkspace;
import org.eclipse.core.resources.IWorkspaceDescription;
import org.eclipse.core.resources.IncrementalProjectBuilder;
import org.eclipse.core.resources.ResourcesPlugin;
import org.eclipse.core.runtime.CoreException;

/** Helpers for the marker tests: projects, files, builds, markers. */
final class MarkerTestSupport {

    private MarkerTestSupport() {
    }

    static IWorkspace workspace() {
        return ResourcesPlugin.getWorkspace();
    }

    /** Turns auto-build on or off; returns the previous setting. */
    static boolean setAutoBuilding(boolean on) throws CoreException {
        IWorkspaceDescription description = workspace().getDescription();
        boolean before = description.isAutoBuilding();
        if (before != on) {
            description.setAutoBuilding(on);
            workspace().setDescription(description);
        }
        return before;
    }

    static IProject createProject(String name) throws CoreException {
        IProject project = workspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
        project.create(null);
        project.open(null);
        return project;
    }

    static void deleteProject(String name) throws CoreException {
        IProject project = workspace().getRoot().getProject(name);
        if (project.exists()) {
            project.delete(true, true, null);
        }
    }

    static IFile write(IProject project, String path, String contents) throws CoreException {
        return write(project, path, contents.getBytes(StandardCharsets.UTF_8));
    }

    static IFile write(IProject project, String path, byte[] contents) throws CoreException {
        IFile file = project.getFile(path);
        ByteArrayInputStream in = new ByteArrayInputStream(contents);
        if (file.exists()) {
            file.setContents(in, IResource.FORCE, null);
        } else {
            file.create(in, IResource.FORCE, null);
        }
        return file;
    }

    static byte[] read(IFile file) throws CoreException, IOException {
        file.refreshLocal(IResource.DEPTH_ZERO, null);
        try (InputStream in = file.getContents()) {
            return in.readAllBytes();
        }
    }

    /** The lines of the bytes, split at '\n' (terminators removed). */
    static List<byte[]> lines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static void build(IProject project) throws CoreException {
        project.build(IncrementalProjectBuilder.INCREMENTAL_BUILD, null);
    }

    /** The dataset problem markers of the resource and its members, by line then kind. */
    static List<IMarker> markers(IResource resource) throws CoreException {
        if (!resource.exists()) {
            return List.of();
        }
        List<IMarker> list = new ArrayList<>(
                Arrays.asList(resource.findMarkers(DatasetMarkers.PROBLEM, true, IResource.DEPTH_INFINITE)));
        list.sort(Comparator.comparingInt(DatasetMarkers::line)
                .thenComparing(m -> m.getAttribute(DatasetMarkers.KIND, "")));
        return list;
    }

    /** The markers' kinds, by line then kind, e.g. "UNKNOWN_LABEL@2". */
    static String summary(List<IMarker> markers) {
        return markers.stream().map(m -> m.getAttribute(DatasetMarkers.KIND, "?") + "@" + DatasetMarkers.line(m))
                .collect(Collectors.joining(", "));
    }

    static IMarker only(List<IMarker> markers, String kind) {
        List<IMarker> found = markers.stream().filter(m -> kind.equals(m.getAttribute(DatasetMarkers.KIND, null)))
                .toList();
        assertEquals(1, found.size(), () -> "one " + kind + " marker in " + summary(markers));
        return found.get(0);
    }
}
