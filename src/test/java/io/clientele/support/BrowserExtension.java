package io.clientele.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The system's Chromium driven by Playwright, one browser per test class. Playwright
 * never downloads a browser here. When a test fails, every page it opened is saved as a
 * screenshot in {@code target/screenshots}. Without Chromium the tests are skipped, and
 * in CI they fail.
 */
public class BrowserExtension implements BeforeAllCallback, AfterAllCallback, AfterEachCallback {

	public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

	public static final Path SCREENSHOTS = Path.of("target/screenshots");

	private Playwright playwright;

	private Browser browser;

	private final List<BrowserContext> contexts = new java.util.ArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) {
		Requirements.require(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM + " (apt-get install chromium)");
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run")));
	}

	/** A fresh browser profile (no cookies) in the given language and window width. */
	public Page newPage(String language, int width, int height) {
		BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale(language)
			.setExtraHTTPHeaders(Map.of("Accept-Language", language))
			.setViewportSize(width, height));
		context.setDefaultTimeout(10_000);
		contexts.add(context);
		return context.newPage();
	}

	public static void screenshot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (context.getExecutionException().isPresent()) {
			int index = 0;
			for (BrowserContext browserContext : contexts) {
				for (Page page : browserContext.pages()) {
					screenshot(page, "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
							+ context.getRequiredTestMethod().getName() + "-" + index++);
				}
			}
		}
		contexts.forEach(BrowserContext::close);
		contexts.clear();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

}
