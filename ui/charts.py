"""The dock's two small charts, painted with Qt (no chart library): the
trend of the filtered incidents against the previous period, and the counts
per category as horizontal bars. Both read a narrow dock: the trend's base is
a line over this period's bars, the category bars put one category on a row.
Their numbers are the data's own ``text()`` (core/presentation/charts_data.py),
given to screen readers as the accessible description and shown as a tooltip."""

from __future__ import annotations

from qgis.PyQt.QtCore import QPointF, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QPainter, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..core.domain.periods import Period
from ..core.domain.wording import period_in_words
from ..core.i18n import tr

THIS_PERIOD = QColor(31, 119, 180)
BASE_PERIOD = QColor(214, 96, 39)
ROW = 18  # pixels per category row


class _Chart(QWidget):
    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(160)
        self._text = ""

    def set_text(self, text: str) -> None:
        self._text = text
        self.setAccessibleDescription(text)
        self.setToolTip(text)

    def text(self) -> str:
        return self._text

    def _pen(self):
        return self.palette().color(self.foregroundRole())


class TrendChart(_Chart):
    """This period's steps as bars, the previous period's as a line."""

    def __init__(self, parent=None):
        super().__init__(tr("Trend of the filtered incidents"), parent)
        self.trend = None
        self.setFixedHeight(150)

    def set_trend(self, trend, language: str | None = None) -> None:
        self.trend = trend
        self.set_text(trend.text(language) if trend is not None else "")
        self.update()

    def sizeHint(self):  # noqa: N802 - Qt's name
        return QSize(240, 150)

    def paintEvent(self, _event):  # noqa: N802 - Qt's name
        if self.trend is None or not self.trend.steps:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        steps = self.trend.steps
        values = [s.count for s in steps] + [s.base_count or 0 for s in steps]
        top = max(max(values), 1)
        left, right = metrics.horizontalAdvance(str(top)) + 6, self.width() - 4
        plot = QRectF(left, line * 1.6, max(right - left, 10), self.height() - line * 3.4)
        text_color = self._pen()
        painter.setPen(text_color)
        # legend: this period's swatch, the base's line
        x = 2.0
        painter.fillRect(QRectF(x, 3, 10, 8), THIS_PERIOD)
        label = tr("This period")
        painter.drawText(QPointF(x + 14, line - 2), label)
        x += 14 + metrics.horizontalAdvance(label) + 10
        painter.setPen(QPen(BASE_PERIOD, 2))
        painter.drawLine(QPointF(x, 7), QPointF(x + 12, 7))
        painter.setPen(text_color)
        base_label = tr("Previous period") if self.trend.has_base else tr("Previous period: no data")
        painter.drawText(QPointF(x + 16, line - 2), base_label)
        # axis
        painter.drawText(QRectF(0, plot.top() - line / 2, left - 4, line), int(Qt.AlignmentFlag.AlignRight),
                         str(top))
        painter.drawText(QRectF(0, plot.bottom() - line / 2, left - 4, line), int(Qt.AlignmentFlag.AlignRight),
                         "0")
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))
        width = plot.width() / len(steps)
        gap = 1.0 if width > 3 else 0.0
        for i, step in enumerate(steps):
            height = plot.height() * step.count / top
            painter.fillRect(QRectF(plot.left() + i * width + gap, plot.bottom() - height,
                                    max(width - 2 * gap, 1.0), height), THIS_PERIOD)
        if self.trend.has_base:
            points = QPolygonF([QPointF(plot.left() + (i + 0.5) * width,
                                        plot.bottom() - plot.height() * (step.base_count or 0) / top)
                                for i, step in enumerate(steps)])
            painter.setPen(QPen(BASE_PERIOD, 2))
            painter.drawPolyline(points)
        painter.setPen(text_color)
        first, last = steps[0].period, steps[-1].period
        painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), line),
                         int(Qt.AlignmentFlag.AlignLeft), period_in_words(Period(first.start, first.start)))
        painter.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), line),
                         int(Qt.AlignmentFlag.AlignRight), period_in_words(Period(last.end, last.end)))
        painter.end()


class CategoryChart(_Chart):
    """One row per category: its name, a bar, its count."""

    def __init__(self, parent=None):
        super().__init__(tr("Incidents per category"), parent)
        self.bars = None

    def set_bars(self, bars, language: str | None = None) -> None:
        self.bars = bars
        self.set_text(bars.text(language) if bars is not None else "")
        self.setFixedHeight(ROW * len(bars.bars) + 4 if bars is not None else 0)
        self.update()

    def sizeHint(self):  # noqa: N802 - Qt's name
        return QSize(240, self.height())

    def paintEvent(self, _event):  # noqa: N802 - Qt's name
        if self.bars is None or not self.bars.bars:
            return
        painter = QPainter(self)
        metrics = painter.fontMetrics()
        top = max(max(count for _, _, count in self.bars.bars), 1)
        label_width = min(max(metrics.horizontalAdvance(label) for _, label, _ in self.bars.bars) + 6,
                          self.width() * 0.45)
        number_width = metrics.horizontalAdvance(str(top)) + 6
        bar_space = max(self.width() - label_width - number_width - 4, 10)
        painter.setPen(self._pen())
        for i, (_code, label, count) in enumerate(self.bars.bars):
            y = 2 + i * ROW
            text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(label_width - 6))
            painter.drawText(QRectF(0, y, label_width - 6, ROW), int(Qt.AlignmentFlag.AlignVCenter), text)
            length = bar_space * count / top
            painter.fillRect(QRectF(label_width, y + 3, length, ROW - 6), THIS_PERIOD)
            painter.drawText(QRectF(label_width + length + 3, y, number_width, ROW),
                             int(Qt.AlignmentFlag.AlignVCenter), str(count))
        painter.end()


class SummaryPanel(QWidget):
    """The summary in words, the trend and the category bars, one under the other."""

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trend_title = QLabel(self)
        self.trend_chart = TrendChart(self)
        self.category_title = QLabel(tr("Incidents per category"), self)
        self.category_chart = CategoryChart(self)
        for widget in (self.label, self.trend_title, self.trend_chart, self.category_title, self.category_chart):
            if isinstance(widget, QLabel):
                widget.setWordWrap(True)  # a long line must not widen the dock
            layout.addWidget(widget)
        self.clear()

    def show_numbers(self, lines: list[str], trend, bars, language: str | None = None) -> None:
        self.label.setText("\n".join(lines))
        self.trend_chart.set_trend(trend, language)
        self.category_chart.set_bars(bars, language)
        self.trend_title.setText(trend.text(language).splitlines()[0] if trend is not None else "")
        for widget in (self.trend_title, self.trend_chart):
            widget.setVisible(trend is not None)
        for widget in (self.category_title, self.category_chart):
            widget.setVisible(bars is not None)

    def show_text(self, lines: list[str]) -> None:
        self.show_numbers(lines, None, None)

    def clear(self) -> None:
        self.show_numbers([], None, None)
