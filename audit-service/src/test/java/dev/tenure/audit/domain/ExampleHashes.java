package dev.tenure.audit.domain;

/** The README's worked example, computed by an independent implementation (Python's hashlib), not by ChainHash. */
final class ExampleHashes {

    static final String CONTENT_DIGEST = "eb3afe8e43ffab0259572c823953c7d72cc15c67f3de7c492e4f77c71e5a0af2";
    static final String HASH = "c26d984ec6190a875efdcd91ea683f61819575aa3b3f5c83e89f1ae32fbddde3";

    private ExampleHashes() {
    }
}
