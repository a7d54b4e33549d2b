package triage.knowledge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.Fixtures;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code failure_of}: the good symptom a fault is the error of, read from symptoms.yaml and checked there. */
class FailureOfTest {
    @Test
    void the_shipped_no_core_error_is_a_failure_of_the_execute() throws Exception {
        Knowledge k = new KnowledgeLoader().load(Path.of("knowledge"));
        assertEquals("execute-works", k.symptoms().get("execute-error-no-core").failureOf());
        assertNull(k.symptoms().get("execute-error-etcd").failureOf(), "a core log's etcd error is no execute's answer");
        assertNull(k.symptoms().get("memory-growing").failureOf(), "most faults are no symptom's error");
    }

    @Test
    void it_must_name_a_good_symptom(@TempDir Path dir) throws Exception {
        Fixtures.knowledgeEdited(dir, "symptoms.yaml", "    failure_of: execute-works\n", "    failure_of: memory-growing\n");
        KnowledgeException e = assertThrows(KnowledgeException.class, () -> new KnowledgeLoader().load(dir));
        assertTrue(e.getMessage().contains("'execute-error-no-core' failure_of names 'memory-growing', which is no good symptom"),
                e.getMessage());
    }
}
