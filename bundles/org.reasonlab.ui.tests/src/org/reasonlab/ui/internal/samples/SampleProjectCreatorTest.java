package org.reasonlab.ui.internal.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reasonlab.core.io.DatasetLoader;
import org.reasonlab.core.io.LoadResult;
import org.reasonlab.core.model.DatasetRecord;
import org.reasonlab.ui.internal.WorkbenchTestSupport;
import org.reasonlab.ui.internal.contenttype.DatasetContentTypes;

class SampleProjectCreatorTest {

    @AfterEach
    void tearDown() throws Exception {
        WorkbenchTestSupport.deleteProject(SampleProjectCreator.PROJECT_NAME);
    }

    @Test
    void createsTheSampleProjectWithItsDataset() throws Exception {
        WorkbenchTestSupport.deleteProject(SampleProjectCreator.PROJECT_NAME);
        IFile file = new SampleProjectCreator().createOrReuse(null);

        assertTrue(file.exists());
        assertEquals(SampleProjectCreator.PROJECT_NAME, file.getProject().getName());
        assertEquals(SampleProjectCreator.DATASET_NAME, file.getName());
        assertTrue(DatasetContentTypes.isDataset(file), "the sample is a ReasonLab dataset");

        LoadResult result = DatasetLoader.load(Path.of(file.getLocation().toOSString()));
        assertEquals(0, result.problems().size(), () -> "parse problems: " + result.problems());
        int records = result.dataset().recordCount();
        assertTrue(records >= 45 && records <= 55, "about fifty records: " + records);
        long ethical = result.dataset().recordStream().filter(r -> "ethical".equals(r.label())).count();
        assertTrue(Math.abs(2 * ethical - records) <= 6, "labels roughly balanced: " + ethical + " of " + records);
        assertTrue(result.dataset().recordStream().anyMatch(r -> !r.annotations().isEmpty()), "some annotations");
        assertTrue(result.dataset().recordStream().map(DatasetRecord::split).distinct().count() == 3,
                "train, validation and test");
    }

    @Test
    void reusesAnExistingProjectAndKeepsTheUsersEdits() throws Exception {
        SampleProjectCreator creator = new SampleProjectCreator();
        IFile file = creator.createOrReuse(null);
        String edited = "{\"id\":\"mine\",\"statement\":\"x\",\"label\":\"ethical\",\"reason\":\"y\"}\n";
        file.setContents(new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)), IResource.FORCE, null);
        file.getProject().close(null);

        IFile again = creator.createOrReuse(null);

        assertEquals(file, again);
        assertTrue(again.getProject().isOpen(), "a closed sample project is opened again");
        try (var in = again.getContents()) {
            assertEquals(edited, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
