"""Live heads and flat attacks, rendered for the liveness bench and tests (bench/liveness.py).

A still photo becomes a textured surface (its pixels, each with a depth) that is posed in 3-D and seen
through a pinhole camera with a z-buffer (the nearest point wins; holes of the splat are inpainted):

* a **live head** (:class:`Surface.head`): the photo lifted onto an anthropometric depth model aligned
  by its five MTCNN points: an ellipsoid (the skull), eye sockets, a brow ridge, a nose (ridge and
  tip), lips and chin. ``nose_depth`` and ``face_depth`` scale the nose's and the ellipsoid's relief
  (1.0 = the mean: the nose tip ~0.45 eye distances in front of the eyes' and mouth corners' plane);
  it turns and nods about the head's centre;
* a **print** (:meth:`Surface.card`): the photo on paper with a white margin, paper texture and
  a print's tonal range, flat or slightly bent (a cylinder whose sagitta is ``bend`` of its width);
* a **phone** (:meth:`Surface.phone`): the photo (or a video frame) on a screen with a black bezel,
  display gamma and a moire grating.

:func:`render_frame` places a posed surface in a 640x480 desk frame with bench/visits.py's wall, light,
sensor noise and JPEG. Everything is deterministic in its arguments (seeds are explicit).
"""
from __future__ import annotations

import dataclasses
import math

import cv2
import numpy as np

from bench.visits import FRAME_SIZE, STILL_FACE_PX, background, _tone_curve

#: camera-to-face distance in eye distances (a desk camera ~60 cm from a face whose eyes are 63 mm apart)
CAMERA_DISTANCE_IODS = 9.5
#: the mean relief (eye distances, toward the camera) of the anthropometric head
HEAD = dict(ellipse_width=1.3, ellipse_height=1.8, ellipse_depth=1.2, nose_tip=0.34, nose_ridge=0.22,
            eye_socket=0.10, brow=0.07, lips=0.06, chin=0.10)


def rotation(yaw_deg: float = 0.0, pitch_deg: float = 0.0, roll_deg: float = 0.0) -> np.ndarray:
    """Rotation of a surface (x right, y down, z toward the camera): yaw about the vertical axis (a
    positive yaw turns the face's front towards the image's +x, i.e. the person turns to their own
    left as the camera sees them), pitch about the horizontal axis (a nod), roll in the image."""
    y, p, r = (math.radians(a) for a in (yaw_deg, pitch_deg, roll_deg))
    ry = np.array([[math.cos(y), 0, math.sin(y)], [0, 1, 0], [-math.sin(y), 0, math.cos(y)]])
    rx = np.array([[1, 0, 0], [0, math.cos(p), math.sin(p)], [0, -math.sin(p), math.cos(p)]])
    rz = np.array([[math.cos(r), -math.sin(r), 0], [math.sin(r), math.cos(r), 0], [0, 0, 1]])
    return rz @ rx @ ry


@dataclasses.dataclass
class Surface:
    """Points of a textured surface: ``xyz`` (N, 3) in the photo's pixels about the pivot (z toward the
    camera), their ``colour`` (N, 3) float32 and ``alpha`` (N,), and the eye distance ``iod`` in the same
    pixels (the camera's distance is set from it)."""
    xyz: np.ndarray
    colour: np.ndarray
    alpha: np.ndarray
    iod: float
    face_px: float                 # the face's height in the surface's pixels (to size it in the frame)
    #: a flat surface's picture and where its pivot is in it: rendered by one homography (exact, fast)
    texture: np.ndarray | None = None
    origin: tuple[float, float] = (0.0, 0.0)

    def __post_init__(self):
        keep = self.alpha > 0.01                       # invisible points need no projecting
        self.xyz = np.ascontiguousarray(self.xyz[keep], np.float32)
        self.colour = np.ascontiguousarray(self.colour[keep], np.float32)
        self.alpha = np.ascontiguousarray(self.alpha[keep], np.float32)

    # -- makers ----------------------------------------------------------------------------------
    @classmethod
    def head(cls, still_bgr: np.ndarray, landmarks, nose_depth: float = 1.0, face_depth: float = 1.0,
             supersample: float = 1.5) -> "Surface":
        """The photo lifted onto the anthropometric head aligned by its five points ``landmarks``."""
        pts = np.asarray(landmarks, np.float64).reshape(5, 2)
        image = _supersampled(still_bgr, supersample)
        pts = pts * supersample
        h, w = image.shape[:2]
        eyes, mouth = (pts[0] + pts[1]) / 2, (pts[3] + pts[4]) / 2
        iod = float(np.linalg.norm(pts[1] - pts[0]))
        ex = (pts[1] - pts[0]) / iod                       # the face's own axes (the photo may be rolled)
        ey = np.array([-ex[1], ex[0]])
        centre = (eyes + mouth) / 2
        ys, xs = np.mgrid[0:h, 0:w].astype(np.float64)
        rel = np.stack([xs - centre[0], ys - centre[1]], -1)
        u, v = rel @ ex / iod, rel @ ey / iod              # face coordinates in eye distances
        eye_v = float((eyes - centre) @ ey / iod)
        mouth_v = float((mouth - centre) @ ey / iod)
        nose_u, nose_v = float((pts[2] - centre) @ ex / iod), float((pts[2] - centre) @ ey / iod)
        m = HEAD
        a, b, c = m["ellipse_width"], m["ellipse_height"], m["ellipse_depth"] * face_depth
        inside = 1 - (u / a) ** 2 - ((v + 0.15) / b) ** 2
        skull = c * np.sqrt(np.clip(inside, 0, None))
        relief = np.zeros_like(u)
        for side in (-0.5, 0.5):                            # eye sockets, below a brow ridge
            relief -= m["eye_socket"] * np.exp(-((u - side) ** 2 + (v - eye_v) ** 2) / (2 * 0.17 ** 2))
        relief += m["brow"] * np.exp(-(v - eye_v + 0.38) ** 2 / (2 * 0.12 ** 2)) * np.exp(-u ** 2 / (2 * 0.7 ** 2))
        # the nose: a ridge from the nasion (between the eyes) to the tip, and the tip's bulb
        start, tip = np.array([0.0, eye_v + 0.05]), np.array([nose_u, nose_v])
        along = tip - start
        length2 = float(along @ along) or 1.0
        s = np.clip(((u - start[0]) * along[0] + (v - start[1]) * along[1]) / length2, 0, 1)
        du, dv = u - (start[0] + s * along[0]), v - (start[1] + s * along[1])
        width = 0.10 + 0.10 * s
        nose = m["nose_ridge"] * (0.35 + 0.65 * s) * np.exp(-(du ** 2 + dv ** 2) / (2 * width ** 2))
        nose = np.maximum(nose, m["nose_tip"] * np.exp(-((u - tip[0]) ** 2 + (v - tip[1]) ** 2) / (2 * 0.15 ** 2)))
        relief += nose_depth * nose
        relief += m["lips"] * np.exp(-(u ** 2 / (2 * 0.35 ** 2) + (v - mouth_v) ** 2 / (2 * 0.12 ** 2)))
        relief += m["chin"] * np.exp(-(u ** 2 / (2 * 0.35 ** 2) + (v - mouth_v - 0.55) ** 2 / (2 * 0.18 ** 2)))
        # the relief fades out towards the skull's outline; outside it the photo (hair, wall) stays a
        # plane through the head's centre, behind the face
        fade = np.clip(inside / 0.25, 0, 1)
        depth = (skull + relief * fade) * iod
        xyz = np.stack([(xs - centre[0]), (ys - centre[1]), depth], -1).reshape(-1, 3)
        alpha = _feather(h, w).ravel()
        face_px = STILL_FACE_PX * supersample * still_bgr.shape[0] / 250.0
        return cls(xyz, image.reshape(-1, 3).astype(np.float32), alpha, iod, face_px)

    @classmethod
    def card(cls, still_bgr: np.ndarray, landmarks, seed: int, bend: float = 0.0, margin: float = 0.08,
             supersample: float = 1.5) -> "Surface":
        """The photo printed on paper (white margin, paper grain, a printer's tonal range), about the
        face's centre; ``bend``: sagitta of a cylindrical bend about the vertical axis, per width."""
        rng = np.random.default_rng(seed)
        pts = np.asarray(landmarks, np.float64).reshape(5, 2)
        photo = still_bgr.astype(np.float32) * rng.uniform(0.8, 0.92) + rng.uniform(12, 30)   # ink on paper
        pad = int(round(margin * photo.shape[0]))
        paper = cv2.copyMakeBorder(photo, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=(235, 238, 240))
        grain = cv2.GaussianBlur(rng.normal(0, 1, paper.shape[:2]).astype(np.float32), (0, 0), 1.2)
        paper = paper * (1 + 0.04 * grain[..., None])
        image = _supersampled(np.clip(paper, 0, 255), supersample)
        centre = (pts[[0, 1, 3, 4]].mean(axis=0) + pad) * supersample
        iod = float(np.linalg.norm(pts[1] - pts[0])) * supersample
        h, w = image.shape[:2]
        ys, xs = np.mgrid[0:h, 0:w].astype(np.float64)
        x = xs - centre[0]
        z = -bend * w * ((x / (w / 2)) ** 2 - 0.0)        # edges bent away from the camera
        xyz = np.stack([x, ys - centre[1], z], -1).reshape(-1, 3)
        face_px = STILL_FACE_PX * supersample * still_bgr.shape[0] / 250.0
        if bend == 0:
            return cls(np.zeros((0, 3)), np.zeros((0, 3)), np.zeros(0), iod, face_px, image, tuple(centre))
        return cls(xyz, image.reshape(-1, 3).astype(np.float32), np.ones(h * w, np.float32), iod, face_px)

    @classmethod
    def phone(cls, screen_bgr: np.ndarray, landmarks, seed: int, bezel: bool = True, gamma: float = 1.0,
              supersample: float = 1.5) -> "Surface":
        """``screen_bgr`` (the photo, or a frame of a video) shown on a phone: display gamma, the
        sub-pixel grating that beats with the camera's pixels (moire), a black bezel when in view."""
        rng = np.random.default_rng(seed)
        pts = np.asarray(landmarks, np.float64).reshape(5, 2)
        screen = np.clip(255.0 * (screen_bgr.astype(np.float32) / 255.0) ** gamma, 0, 255)
        image = _supersampled(screen, supersample)
        h, w = image.shape[:2]
        period = rng.uniform(2.1, 3.2)
        angle = rng.uniform(0, math.pi)
        ys, xs = np.mgrid[0:h, 0:w].astype(np.float64)
        grating = 1 + 0.08 * np.sin(2 * math.pi * (xs * math.cos(angle) + ys * math.sin(angle)) / period)
        image = image * grating[..., None].astype(np.float32)
        centre = pts[[0, 1, 3, 4]].mean(axis=0) * supersample
        if bezel:
            pad = int(round(0.07 * w))
            image = cv2.copyMakeBorder(image, pad, 2 * pad, pad, pad, cv2.BORDER_CONSTANT, value=(18, 18, 20))
            centre = centre + pad
            h, w = image.shape[:2]
            ys, xs = np.mgrid[0:h, 0:w].astype(np.float64)
        iod = float(np.linalg.norm(pts[1] - pts[0])) * supersample
        face_px = STILL_FACE_PX * supersample * screen_bgr.shape[0] / 250.0
        return cls(np.zeros((0, 3)), np.zeros((0, 3)), np.zeros(0), iod, face_px, image.astype(np.float32),
                   tuple(centre))


def _supersampled(image: np.ndarray, factor: float) -> np.ndarray:
    if factor == 1:
        return image.astype(np.float32)
    return cv2.resize(image.astype(np.float32), None, fx=factor, fy=factor, interpolation=cv2.INTER_LINEAR)


def _feather(h: int, w: int, border: float = 0.14) -> np.ndarray:
    ry = np.clip(np.minimum(np.arange(h), np.arange(h)[::-1]) / max(1.0, h * border), 0, 1)
    rx = np.clip(np.minimum(np.arange(w), np.arange(w)[::-1]) / max(1.0, w * border), 0, 1)
    return (np.minimum(ry[:, None], rx[None, :]) ** 1.5).astype(np.float32)


@dataclasses.dataclass(frozen=True)
class Placement:
    """Where a surface is in a frame: its pose and the image position/size of its face."""
    rotation: np.ndarray               # 3x3
    centre: tuple[float, float]        # pixel position of the pivot's image
    face_px: float                     # the face's height in the frame when frontal
    shift: tuple[float, float, float] = (0.0, 0.0, 0.0)   # translation of the surface in its own pixels


def splat(surface: Surface, placement: Placement, size=FRAME_SIZE):
    """The posed surface seen by the pinhole camera, z-buffered: ``(x0, y0, colour, alpha)``, the
    colour (float32 hxwx3) and alpha (hxw) of the frame's region from (x0, y0); None when out of view."""
    w, h = size
    scale = placement.face_px / surface.face_px         # surface pixels -> frame pixels at the pivot
    distance = CAMERA_DISTANCE_IODS * surface.iod
    if surface.texture is not None:
        return _flat(surface, placement, size, scale, distance)
    p = surface.xyz @ placement.rotation.T.astype(np.float32) + np.asarray(placement.shift, np.float32)
    depth = distance - p[:, 2]
    focal = distance * scale
    xi = np.rint(placement.centre[0] + focal * p[:, 0] / depth).astype(np.int32)
    yi = np.rint(placement.centre[1] + focal * p[:, 1] / depth).astype(np.int32)
    keep = (xi >= 0) & (xi < w) & (yi >= 0) & (yi < h)
    if not keep.any():
        return None
    xi, yi, depth = xi[keep], yi[keep], depth[keep]
    x0, y0 = int(xi.min()), int(yi.min())
    pw, ph = int(xi.max()) - x0 + 1, int(yi.max()) - y0 + 1
    order = np.argsort(-depth, kind="stable")          # far first: the nearest point is written last
    flat = ((yi - y0) * pw + (xi - x0))[order]
    colour = np.zeros((ph * pw, 3), np.float32)
    alpha = np.zeros(ph * pw, np.float32)
    colour[flat] = surface.colour[keep][order]
    alpha[flat] = surface.alpha[keep][order]
    colour, alpha = colour.reshape(ph, pw, 3), alpha.reshape(ph, pw)
    covered = (alpha > 0).astype(np.uint8)
    holes = (cv2.morphologyEx(covered, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8)) > 0) & (covered == 0)
    if holes.any():                                    # pixels between splatted points: their neighbours' mean
        weight = cv2.blur(covered.astype(np.float32), (3, 3))
        mean_c = cv2.blur(colour, (3, 3)) / np.maximum(weight, 1e-6)[..., None]
        mean_a = cv2.blur(alpha, (3, 3)) / np.maximum(weight, 1e-6)
        colour[holes] = mean_c[holes]
        alpha[holes] = mean_a[holes]
    return x0, y0, colour, alpha


def _flat(surface: Surface, placement: Placement, size, scale: float, distance: float):
    """A flat surface: its four corners projected give the homography of the whole picture."""
    th, tw = surface.texture.shape[:2]
    ox, oy = surface.origin
    corners = np.float32([[0, 0], [tw, 0], [tw, th], [0, th]])
    xyz = np.c_[corners - (ox, oy), np.zeros(4)] @ placement.rotation.T + np.asarray(placement.shift)
    depth = distance - xyz[:, 2]
    focal = distance * scale
    image_pts = np.c_[placement.centre[0] + focal * xyz[:, 0] / depth, placement.centre[1] + focal * xyz[:, 1] / depth]
    x0, y0 = max(0, int(np.floor(image_pts[:, 0].min()))), max(0, int(np.floor(image_pts[:, 1].min())))
    x1, y1 = min(size[0], int(np.ceil(image_pts[:, 0].max())) + 1), min(size[1], int(np.ceil(image_pts[:, 1].max())) + 1)
    if x1 <= x0 or y1 <= y0:
        return None
    homography = cv2.getPerspectiveTransform(corners, np.float32(image_pts - (x0, y0)))
    colour = cv2.warpPerspective(surface.texture, homography, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR)
    alpha = cv2.warpPerspective(np.ones((th, tw), np.float32), homography, (x1 - x0, y1 - y0), flags=cv2.INTER_LINEAR)
    return x0, y0, colour, alpha


@dataclasses.dataclass
class Scene:
    """The camera's look at a visit: wall, light, noise, compression (drawn once from ``seed``);
    ``light_gain`` scales the whole scene's light (a dim room: 0.15-0.3)."""
    seed: int
    size: tuple[int, int] = FRAME_SIZE
    light_gain: tuple[float, float] = (0.6, 1.3)

    def __post_init__(self):
        rng = np.random.default_rng(self.seed)
        self.rng = rng
        w, h = self.size
        self.wall = background(rng, self.size)
        self.gain, self.offset, self.gamma = rng.uniform(*self.light_gain), rng.uniform(-20, 20), rng.uniform(0.85, 1.2)
        self.light = (1.0 + rng.uniform(-0.2, 0.2) * np.linspace(-1, 1, w)).astype(np.float32)
        self.noise_sigma = rng.uniform(2.0, 6.0)
        self.quality = int(rng.integers(60, 91))
        self._noise = np.empty((h, w, 3), np.int16)
        cv2.setRNGSeed(int(self.seed) & 0x7FFFFFFF)

    def frame(self, layers, glare=None) -> np.ndarray:
        """Composite the splatted ``layers`` (back to front; see :func:`splat`) on the wall; camera effects."""
        canvas = self.wall.copy()
        for layer in layers:
            if layer is None:
                continue
            x0, y0, colour, alpha = layer
            region = canvas[y0:y0 + alpha.shape[0], x0:x0 + alpha.shape[1]]
            region += (colour - region) * alpha[..., None]
        if glare is not None:                          # a specular highlight on a screen or glossy print
            canvas += glare[..., None]
        canvas *= self.light[None, :, None]
        lit = cv2.LUT(np.clip(canvas, 0, 255).astype(np.uint8),
                      _tone_curve(self.gain * (1.0 + self.rng.normal(0, 0.02)), self.offset, self.gamma))
        cv2.randn(self._noise, 0, self.noise_sigma)
        noisy = cv2.add(lit, self._noise, dtype=cv2.CV_8U)
        ok, jpeg = cv2.imencode(".jpg", noisy, [cv2.IMWRITE_JPEG_QUALITY, self.quality])
        return cv2.imdecode(jpeg, cv2.IMREAD_COLOR)


def glare_spot(centre, radius: float, strength: float, size=FRAME_SIZE) -> np.ndarray:
    w, h = size
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    return strength * np.exp(-((xs - centre[0]) ** 2 + (ys - centre[1]) ** 2) / (2 * radius ** 2))


def render_frame(scene: Scene, surface: Surface, placement: Placement, glare=None) -> np.ndarray:
    """One desk frame of ``surface`` posed by ``placement`` in ``scene``."""
    return scene.frame([splat(surface, placement, scene.size)], glare)


def still_landmarks(detector, still_bgr: np.ndarray) -> np.ndarray | None:
    """The five points of the photo's most central face (MTCNN), or None without a face."""
    faces = detector.detect(still_bgr)
    if not faces:
        return None
    h, w = still_bgr.shape[:2]
    centre = np.array([w / 2, h / 2])
    best = min(faces, key=lambda f: np.linalg.norm(np.asarray(f.landmarks).mean(axis=0) - centre))
    return np.asarray(best.landmarks, np.float64)


# -- who stands in front of the camera over a visit ------------------------------------------------
#: prompt sides as the person's own: "left" turns the face towards the image's +x (positive yaw)
SIDE_SIGN = {"left": 1.0, "right": -1.0}


def _smooth(x: float) -> float:
    x = min(1.0, max(0.0, x))
    return x * x * (3 - 2 * x)


class Actor:
    """Something shown to the camera during a visit: ``frame(t, prompt)`` renders the desk frame at
    stream time ``t``; ``prompt`` is the challenge shown on its face (a ChallengePrompt or None), which a
    person answers after their reaction time. Deterministic in its seed."""

    def __init__(self, seed: int, face_px: float = 150.0, centre=(320.0, 240.0), light_gain=(0.6, 1.3)):
        self.rng = np.random.default_rng(seed)
        self.scene = Scene(int(self.rng.integers(2 ** 31)), light_gain=light_gain)
        self.face_px = face_px * self.rng.uniform(0.9, 1.1)
        self.centre = np.asarray(centre, np.float64) + self.rng.uniform(-30, 30, 2) * (0.8, 0.4)
        self.prompts_seen: list[tuple[float, str]] = []         # (when each turn asked was first shown, side)

    glare = None

    def layer(self, t: float, prompt=None):
        raise NotImplementedError

    def frame(self, t: float, prompt=None) -> np.ndarray:
        return self.scene.frame([self.layer(t, prompt)], self.glare)

    def _note(self, t: float, prompt) -> None:
        if prompt is not None and (not self.prompts_seen or self.prompts_seen[-1][1] != prompt.direction):
            self.prompts_seen.append((t, prompt.direction))

    def answer(self, t: float, degrees: float, reaction_s: float, ramp_s: float, sign: float = 1.0) -> float:
        """The yaw (degrees) of answering the prompts seen so far: each one, after the reaction time, moves
        the head (or the print) from the previous answer's side to ``degrees`` toward the side asked."""
        yaw, before = 0.0, 0.0
        for shown, side in self.prompts_seen:
            target = sign * SIDE_SIGN[side] * degrees
            yaw += (target - before) * _smooth((t - shown - reaction_s) / ramp_s)
            before = target
        return yaw


class HeadActor(Actor):
    """A live head: the photo on the anthropometric head (``nose_depth``, ``face_depth``), swaying a
    little (``sway_deg``), maybe turning or nodding on its own once (``glance_deg``, up to 20), and
    answering a prompt after ``reaction_s`` with a turn of ``answer_deg`` (to the other side when
    ``obey`` is "wrong"; not at all when "ignore"; only the first prompt, holding that turn, when "once")."""

    def __init__(self, still, landmarks, seed: int, nose_depth=1.0, face_depth=1.0, sway_deg=2.0,
                 glance_deg=0.0, reaction_s=None, answer_deg=None, obey="yes", **kwargs):
        super().__init__(seed, **kwargs)
        rng = self.rng
        self.surface = Surface.head(still, landmarks, nose_depth, face_depth, supersample=1.2)
        self.sway_deg = sway_deg
        self.phase = rng.uniform(0, 2 * math.pi, 3)
        self.freq = rng.uniform(0.3, 0.8, 3)
        self.glance = (rng.uniform(0.2, 1.0), rng.choice([-1, 1]) * glance_deg, rng.random() < 0.5)
        self.reaction_s = rng.uniform(0.6, 1.2) if reaction_s is None else reaction_s
        self.answer_deg = rng.uniform(15, 20) if answer_deg is None else answer_deg
        self.obey = obey

    def pose(self, t: float) -> tuple[float, float, float]:
        s = self.sway_deg
        yaw = s * math.sin(2 * math.pi * self.freq[0] * t + self.phase[0])
        pitch = s * 0.7 * math.sin(2 * math.pi * self.freq[1] * t + self.phase[1])
        roll = s * 0.4 * math.sin(2 * math.pi * self.freq[2] * t + self.phase[2])
        start, amount, nod = self.glance
        if amount:                                      # a spontaneous look aside and back (~1 s)
            bump = _smooth((t - start) / 0.35) * (1 - _smooth((t - start - 0.6) / 0.35))
            if nod:
                pitch += amount * bump
            else:
                yaw += amount * bump
        if self.obey != "ignore":
            yaw += self.answer(t, self.answer_deg, self.reaction_s, 0.45, -1.0 if self.obey == "wrong" else 1.0)
        return yaw, pitch, roll

    def _note(self, t: float, prompt) -> None:
        if self.obey != "once" or not self.prompts_seen:       # "once": the later prompts go unheeded
            super()._note(t, prompt)

    def layer(self, t: float, prompt=None):
        self._note(t, prompt)
        yaw, pitch, roll = self.pose(t)
        drift = np.array([3 * math.sin(0.7 * t + self.phase[0]), 2 * math.sin(0.9 * t + self.phase[1])])
        return splat(self.surface, Placement(rotation(yaw, pitch, roll), tuple(self.centre + drift), self.face_px),
                     self.scene.size)


class FlatActor(Actor):
    """A print or a phone held up to the camera: from a random pose (rotations up to ``max_deg`` about
    every axis) it moves to another over the visit with a hand's tremor; when ``answers`` it is turned
    (up to 30 degrees about the vertical axis) the way a prompt asks. ``surface`` is a Surface.card or
    .phone; for a replay, ``screen`` (t -> image) changes the phone's picture every frame."""

    def __init__(self, surface: Surface, seed: int, max_deg=30.0, answers=True, glare=False, screen=None,
                 face_scale=1.0, **kwargs):
        super().__init__(seed, **kwargs)
        rng = self.rng
        self.surface = surface
        self.face_px *= face_scale
        self.start = rng.uniform(-max_deg, max_deg, 3) * (1, 1, 0.5)
        self.end = np.clip(self.start + rng.uniform(-20, 20, 3), -max_deg, max_deg)
        self.duration = rng.uniform(1.5, 4.0)
        self.move = rng.uniform(-40, 40, 2)
        self.answers = answers
        self.answer_deg = rng.uniform(15, 30)
        self.reaction_s = rng.uniform(0.6, 1.5)
        self.tremor = rng.uniform(0.3, 1.5)
        self.glare = glare_spot(self.centre + rng.uniform(-60, 60, 2), rng.uniform(25, 60),
                                rng.uniform(40, 110)) if glare else None
        self.screen = screen

    def layer(self, t: float, prompt=None):
        self._note(t, prompt)
        rng = self.rng
        k = _smooth(t / self.duration)
        yaw, pitch, roll = self.start + (self.end - self.start) * k + rng.normal(0, self.tremor, 3)
        if self.answers:
            yaw += self.answer(t, self.answer_deg, self.reaction_s, 0.5)
        centre = self.centre + self.move * k + rng.normal(0, 1.5, 2)
        surface = self.screen(t) if self.screen is not None else self.surface
        return splat(surface, Placement(rotation(yaw, pitch, roll), tuple(centre), self.face_px), self.scene.size)


def together(actors, t: float, prompts=None) -> np.ndarray:
    """One frame of several actors side by side (the first one's scene; ``prompts`` one per actor)."""
    prompts = prompts or [None] * len(actors)
    return actors[0].scene.frame([a.layer(t, p) for a, p in zip(actors, prompts)], actors[0].glare)


def head_video(still, landmarks, seed: int, nose_depth=1.0, face_depth=1.0, size=250, both_ways=False):
    """A recorded live turn (t -> the head's picture, ``size`` square on a plain backdrop), for a replay:
    the person turned once to a random side at a random moment, as in a clip taken of them; with
    ``both_ways`` they turned to one side, then to the other, then back (the clip an attacker would want
    against a challenge that asks for both)."""
    rng = np.random.default_rng(seed)
    surface = Surface.head(still, landmarks, nose_depth, face_depth, supersample=1.0)
    when, side, amount = rng.uniform(0.3, 2.5), rng.choice([-1, 1]), rng.uniform(15, 20)
    backdrop = np.full((size, size, 3), float(rng.uniform(90, 200)), np.float32)
    hold = rng.uniform(0.6, 1.5)                 # both ways: how long the first side is held
    cache = {}

    def yaw_at(t: float) -> float:
        if not both_ways:
            return side * amount * _smooth((t - when) / 0.45) * (1 - _smooth((t - when - 1.5) / 0.45))
        first = _smooth((t - when) / 0.45)
        swing = _smooth((t - when - 0.45 - hold) / 0.45)
        back = _smooth((t - when - 0.9 - 2 * hold) / 0.45)
        return side * amount * (first - 2 * swing + back)

    def picture(t: float) -> np.ndarray:
        key = round(t, 3)
        if key not in cache:
            layer = splat(surface, Placement(rotation(yaw_at(t)), (size / 2, size / 2), surface.face_px),
                          (size, size))
            image = backdrop.copy()
            if layer is not None:
                x0, y0, colour, alpha = layer
                region = image[y0:y0 + alpha.shape[0], x0:x0 + alpha.shape[1]]
                region += (colour - region) * alpha[..., None]
            cache.clear()
            cache[key] = np.clip(image, 0, 255).astype(np.uint8)
        return cache[key]
    return picture
